using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LegalityContractsDecisionsAdvisers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                table: "leg_contracts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Level",
                table: "leg_contracts",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "leg_advisers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Firm = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LicenseNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ServedFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ServedTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_advisers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_advisers_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leg_contract_breaches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<long>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Clause = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Handling = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_contract_breaches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_contract_breaches_leg_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "leg_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leg_contract_milestones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_contract_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_contract_milestones_leg_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "leg_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leg_decision_catalogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdoptedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_decision_catalogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_decision_catalogs_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leg_adviser_communities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdviserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_adviser_communities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_adviser_communities_leg_advisers_AdviserId",
                        column: x => x.AdviserId,
                        principalTable: "leg_advisers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_leg_adviser_communities_sys_org_units_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leg_adviser_evaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdviserId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EvaluatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_adviser_evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_adviser_evaluations_leg_advisers_AdviserId",
                        column: x => x.AdviserId,
                        principalTable: "leg_advisers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leg_adviser_work",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdviserId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Court = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReviewMatterId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_adviser_work", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_adviser_work_leg_advisers_AdviserId",
                        column: x => x.AdviserId,
                        principalTable: "leg_advisers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_leg_adviser_work_leg_matters_ReviewMatterId",
                        column: x => x.ReviewMatterId,
                        principalTable: "leg_matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_leg_adviser_work_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leg_decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReviewMatterId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Meeting = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_decisions_leg_decision_catalogs_CatalogId",
                        column: x => x.CatalogId,
                        principalTable: "leg_decision_catalogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_leg_decisions_leg_matters_ReviewMatterId",
                        column: x => x.ReviewMatterId,
                        principalTable: "leg_matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_leg_decisions_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leg_decision_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: true),
                    NotApplicable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Record = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_decision_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_decision_steps_leg_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "leg_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_leg_contracts_OrgUnitId_FiledOn",
                table: "leg_contracts",
                columns: new[] { "OrgUnitId", "FiledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_leg_adviser_communities_AdviserId_CommunityId",
                table: "leg_adviser_communities",
                columns: new[] { "AdviserId", "CommunityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_adviser_communities_CommunityId",
                table: "leg_adviser_communities",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_adviser_evaluations_AdviserId_Year",
                table: "leg_adviser_evaluations",
                columns: new[] { "AdviserId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_adviser_work_AdviserId",
                table: "leg_adviser_work",
                column: "AdviserId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_adviser_work_OrgUnitId_On",
                table: "leg_adviser_work",
                columns: new[] { "OrgUnitId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_leg_adviser_work_ReviewMatterId",
                table: "leg_adviser_work",
                column: "ReviewMatterId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_advisers_OrgUnitId_Kind",
                table: "leg_advisers",
                columns: new[] { "OrgUnitId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_leg_contract_breaches_ContractId",
                table: "leg_contract_breaches",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_contract_milestones_ContractId_DueOn",
                table: "leg_contract_milestones",
                columns: new[] { "ContractId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_leg_decision_catalogs_OrgUnitId_Year",
                table: "leg_decision_catalogs",
                columns: new[] { "OrgUnitId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_decision_steps_DecisionId",
                table: "leg_decision_steps",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_decisions_CatalogId",
                table: "leg_decisions",
                column: "CatalogId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_decisions_OrgUnitId_Year",
                table: "leg_decisions",
                columns: new[] { "OrgUnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_leg_decisions_ReviewMatterId",
                table: "leg_decisions",
                column: "ReviewMatterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leg_adviser_communities");

            migrationBuilder.DropTable(
                name: "leg_adviser_evaluations");

            migrationBuilder.DropTable(
                name: "leg_adviser_work");

            migrationBuilder.DropTable(
                name: "leg_contract_breaches");

            migrationBuilder.DropTable(
                name: "leg_contract_milestones");

            migrationBuilder.DropTable(
                name: "leg_decision_steps");

            migrationBuilder.DropTable(
                name: "leg_advisers");

            migrationBuilder.DropTable(
                name: "leg_decisions");

            migrationBuilder.DropTable(
                name: "leg_decision_catalogs");

            migrationBuilder.DropIndex(
                name: "IX_leg_contracts_OrgUnitId_FiledOn",
                table: "leg_contracts");

            migrationBuilder.DropColumn(
                name: "EndedOn",
                table: "leg_contracts");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "leg_contracts");
        }
    }
}
