using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Litigation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recon_litigation_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Court = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CourtCaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Instance = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Plaintiff = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DefendantOrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    DefendantName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReconCaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ComplaintServedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnswerFiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HearingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HeadAppeared = table.Column<bool>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ConcludedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Appealed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_litigation_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_litigation_cases_recon_cases_ReconCaseId",
                        column: x => x.ReconCaseId,
                        principalTable: "recon_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_recon_litigation_cases_sys_org_units_DefendantOrgUnitId",
                        column: x => x.DefendantOrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_recon_litigation_cases_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recon_litigation_cases_Court_CourtCaseNumber",
                table: "recon_litigation_cases",
                columns: new[] { "Court", "CourtCaseNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recon_litigation_cases_DefendantOrgUnitId",
                table: "recon_litigation_cases",
                column: "DefendantOrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_recon_litigation_cases_OrgUnitId_FiledOn",
                table: "recon_litigation_cases",
                columns: new[] { "OrgUnitId", "FiledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_recon_litigation_cases_ReconCaseId",
                table: "recon_litigation_cases",
                column: "ReconCaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recon_litigation_cases");
        }
    }
}
