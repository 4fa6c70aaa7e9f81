using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TimersAndReconsideration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Path",
                table: "sys_org_units",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "sys_org_units",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);

            migrationBuilder.CreateTable(
                name: "recon_case_counters",
                columns: table => new
                {
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_case_counters", x => new { x.OrgUnitId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "recon_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ApplicantKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ApplicantIdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    ApplicantPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AgentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RespondentOrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    RespondentName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Matter = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ActDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LearnedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Procedure = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SimplifiedGround = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CorrectionNoticeOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CorrectionNoticeReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CorrectionSuppliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeemedAccepted = table.Column<bool>(type: "boolean", nullable: false),
                    CopySentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CopyReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReplyReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HearingScheduledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtensionDays = table.Column<int>(type: "integer", nullable: false),
                    ExtensionApprovedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecisionType = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    TerminationReason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ServedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstContactAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AssigneeUserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_cases_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_recon_cases_sys_org_units_RespondentOrgUnitId",
                        column: x => x.RespondentOrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sys_timers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Module = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OwnerId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WarnOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    WarnedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpiredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sys_timers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recon_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_events_recon_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "recon_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recon_suspensions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    Ground = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_suspensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_suspensions_recon_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "recon_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recon_cases_CaseNumber",
                table: "recon_cases",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recon_cases_OrgUnitId_AcceptedOn",
                table: "recon_cases",
                columns: new[] { "OrgUnitId", "AcceptedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_recon_cases_OrgUnitId_ClosedOn",
                table: "recon_cases",
                columns: new[] { "OrgUnitId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_recon_cases_OrgUnitId_ReceivedOn",
                table: "recon_cases",
                columns: new[] { "OrgUnitId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_recon_cases_RespondentOrgUnitId",
                table: "recon_cases",
                column: "RespondentOrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_recon_cases_Status",
                table: "recon_cases",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_recon_events_Action_On",
                table: "recon_events",
                columns: new[] { "Action", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_recon_events_CaseId",
                table: "recon_events",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_recon_suspensions_CaseId",
                table: "recon_suspensions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_sys_timers_Module_OwnerId_Kind",
                table: "sys_timers",
                columns: new[] { "Module", "OwnerId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sys_timers_State_DueOn",
                table: "sys_timers",
                columns: new[] { "State", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recon_case_counters");

            migrationBuilder.DropTable(
                name: "recon_events");

            migrationBuilder.DropTable(
                name: "recon_suspensions");

            migrationBuilder.DropTable(
                name: "sys_timers");

            migrationBuilder.DropTable(
                name: "recon_cases");

            migrationBuilder.AlterColumn<string>(
                name: "Path",
                table: "sys_org_units",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "sys_org_units",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32,
                oldCollation: "C");
        }
    }
}
