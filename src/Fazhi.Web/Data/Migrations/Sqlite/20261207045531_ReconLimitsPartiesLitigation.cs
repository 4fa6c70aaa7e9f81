using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReconLimitsPartiesLitigation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Article39Item",
                table: "recon_suspensions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CoDefendant",
                table: "recon_litigation_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "JudgmentKind",
                table: "recon_litigation_cases",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "JudgmentServedOn",
                table: "recon_litigation_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LossReason",
                table: "recon_litigation_cases",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActAgency",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActDocumentNumber",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActName",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompetentBody",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedBy",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionMode",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IntakeToken",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NotToldOfRight",
                table: "recon_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "QuickContactDueUtc",
                table: "recon_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RealProperty",
                table: "recon_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RespondentPeriodDays",
                table: "recon_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RightLearnedOn",
                table: "recon_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VoidReason",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VoidedAtUtc",
                table: "recon_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "recon_litigation_hearings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LitigationCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HeadAppeared = table.Column<bool>(type: "INTEGER", nullable: false),
                    Appearer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_litigation_hearings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_litigation_hearings_recon_litigation_cases_LitigationCaseId",
                        column: x => x.LitigationCaseId,
                        principalTable: "recon_litigation_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recon_parties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 117, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 125, nullable: true),
                    Authorisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActsFor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IdNumberIndex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PhoneIndex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_parties_recon_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "recon_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recon_cases_IntakeToken",
                table: "recon_cases",
                column: "IntakeToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recon_litigation_hearings_LitigationCaseId_On",
                table: "recon_litigation_hearings",
                columns: new[] { "LitigationCaseId", "On" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recon_parties_CaseId",
                table: "recon_parties",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_recon_parties_IdNumberIndex",
                table: "recon_parties",
                column: "IdNumberIndex",
                filter: "\"IdNumberIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_recon_parties_PhoneIndex",
                table: "recon_parties",
                column: "PhoneIndex",
                filter: "\"PhoneIndex\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recon_litigation_hearings");

            migrationBuilder.DropTable(
                name: "recon_parties");

            migrationBuilder.DropIndex(
                name: "IX_recon_cases_IntakeToken",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "Article39Item",
                table: "recon_suspensions");

            migrationBuilder.DropColumn(
                name: "CoDefendant",
                table: "recon_litigation_cases");

            migrationBuilder.DropColumn(
                name: "JudgmentKind",
                table: "recon_litigation_cases");

            migrationBuilder.DropColumn(
                name: "JudgmentServedOn",
                table: "recon_litigation_cases");

            migrationBuilder.DropColumn(
                name: "LossReason",
                table: "recon_litigation_cases");

            migrationBuilder.DropColumn(
                name: "ActAgency",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "ActDocumentNumber",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "ActName",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "CompetentBody",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "DecidedBy",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "DecisionMode",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "IntakeToken",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "NotToldOfRight",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "QuickContactDueUtc",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "RealProperty",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "RespondentPeriodDays",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "RightLearnedOn",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "VoidReason",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "VoidedAtUtc",
                table: "recon_cases");

            // SQLite drops columns by rebuilding recon_cases; the rebuild leaves out the blind-index indexes that the
            // EncryptedFields migration created (and drops on its own way down), so they are put back here.
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_recon_cases_ApplicantIdNumberIndex\" ON \"recon_cases\" (\"ApplicantIdNumberIndex\") WHERE \"ApplicantIdNumberIndex\" IS NOT NULL;");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_recon_cases_ApplicantPhoneIndex\" ON \"recon_cases\" (\"ApplicantPhoneIndex\") WHERE \"ApplicantPhoneIndex\" IS NOT NULL;");
        }
    }
}
