using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HotlineReplyPush : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReplyPushAttempts",
                table: "hl_own_tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReplyPushError",
                table: "hl_own_tickets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReplyPushedAtUtc",
                table: "hl_own_tickets",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReplyPushAttempts",
                table: "hl_own_tickets");

            migrationBuilder.DropColumn(
                name: "ReplyPushError",
                table: "hl_own_tickets");

            migrationBuilder.DropColumn(
                name: "ReplyPushedAtUtc",
                table: "hl_own_tickets");
        }
    }
}
