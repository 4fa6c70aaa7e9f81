using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KernelApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sys_approvals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Module = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActionCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ParametersJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sys_approvals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sys_approvals_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sys_approvals_Module_SubjectType_SubjectId_Status",
                table: "sys_approvals",
                columns: new[] { "Module", "SubjectType", "SubjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_sys_approvals_OrgUnitId",
                table: "sys_approvals",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_sys_approvals_Status_Module",
                table: "sys_approvals",
                columns: new[] { "Status", "Module" });

            // Keep every 呈报 (and its id, which URLs and the audit log name): copy recon_approvals into the Kernel table.
            migrationBuilder.Sql("""
                INSERT INTO sys_approvals ("Id", "Module", "SubjectType", "SubjectId", "OrgUnitId", "ActionCode", "ParametersJson", "Note", "SubmittedBy", "SubmittedAtUtc", "Status", "Opinion", "DecidedBy", "DecidedAtUtc", "Version")
                SELECT "Id", 'recon', 'case', "CaseId", "OrgUnitId", "Action", "RequestJson", "Note", "SubmittedBy", "SubmittedAtUtc", "Status", "Opinion", "DecidedBy", "DecidedAtUtc", "Version" FROM recon_approvals
                """);

            migrationBuilder.DropTable(
                name: "recon_approvals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recon_approvals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_approvals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_approvals_recon_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "recon_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recon_approvals_CaseId_Status",
                table: "recon_approvals",
                columns: new[] { "CaseId", "Status" });

            migrationBuilder.Sql("""
                INSERT INTO recon_approvals ("Id", "CaseId", "OrgUnitId", "Action", "RequestJson", "Note", "SubmittedBy", "SubmittedAtUtc", "Status", "Opinion", "DecidedBy", "DecidedAtUtc", "Version")
                SELECT "Id", "SubjectId", "OrgUnitId", "ActionCode", "ParametersJson", "Note", "SubmittedBy", "SubmittedAtUtc", "Status", "Opinion", "DecidedBy", "DecidedAtUtc", "Version" FROM sys_approvals WHERE "Module" = 'recon'
                """);

            migrationBuilder.DropTable(
                name: "sys_approvals");
        }
    }
}
