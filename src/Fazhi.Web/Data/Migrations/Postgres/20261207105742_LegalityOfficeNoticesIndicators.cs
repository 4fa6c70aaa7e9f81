using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LegalityOfficeNoticesIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AppliesTo",
                table: "leg_indicators",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "All"); // indicators set before 适用对象 existed applied to every unit

            migrationBuilder.AddColumn<int>(
                name: "FromQuarter",
                table: "leg_indicators",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "UntilQuarter",
                table: "leg_indicators",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "leg_supervision_notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<long>(type: "bigint", nullable: false),
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    OfficeOrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReplyBy = table.Column<DateOnly>(type: "date", nullable: false),
                    TaskState = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Requirement = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_supervision_notices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_supervision_notices_leg_plan_task_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "leg_plan_task_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_leg_supervision_notices_leg_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "leg_plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_leg_supervision_notices_sys_org_units_OfficeOrgUnitId",
                        column: x => x.OfficeOrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_leg_supervision_notices_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_leg_supervision_notices_EntryId",
                table: "leg_supervision_notices",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_supervision_notices_OfficeOrgUnitId_Number",
                table: "leg_supervision_notices",
                columns: new[] { "OfficeOrgUnitId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_supervision_notices_OrgUnitId",
                table: "leg_supervision_notices",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_supervision_notices_TaskId",
                table: "leg_supervision_notices",
                column: "TaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leg_supervision_notices");

            migrationBuilder.DropColumn(
                name: "AppliesTo",
                table: "leg_indicators");

            migrationBuilder.DropColumn(
                name: "FromQuarter",
                table: "leg_indicators");

            migrationBuilder.DropColumn(
                name: "UntilQuarter",
                table: "leg_indicators");
        }
    }
}
