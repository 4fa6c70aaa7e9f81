#!/usr/bin/env bash
# Adds one EF Core migration to both providers: scripts/add-migration.sh NameOfChange
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NameOfChange}
cd "$(dirname "$0")/../src/Fazhi.Web"
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --context SqliteFazhiDb --output-dir Data/Migrations/Sqlite --namespace Fazhi.Web.Data.Migrations.Sqlite
dotnet ef migrations add "$name" --context PostgresFazhiDb --output-dir Data/Migrations/Postgres --namespace Fazhi.Web.Data.Migrations.Postgres
rm -f design.db
