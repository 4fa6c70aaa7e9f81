using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReconCommitteeAliasesGist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DecisionGist",
                table: "recon_cases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "recon_committee_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Affiliation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_committee_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_committee_members_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recon_consultations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Ground = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Matter = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Members = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_consultations_recon_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "recon_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recon_respondent_aliases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RespondentOrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_respondent_aliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_respondent_aliases_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_recon_respondent_aliases_sys_org_units_RespondentOrgUnitId",
                        column: x => x.RespondentOrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recon_consultation_opinions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationId = table.Column<long>(type: "bigint", nullable: false),
                    Member = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_consultation_opinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_consultation_opinions_recon_consultations_Consultatio~",
                        column: x => x.ConsultationId,
                        principalTable: "recon_consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recon_committee_members_OrgUnitId_Name",
                table: "recon_committee_members",
                columns: new[] { "OrgUnitId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recon_consultation_opinions_ConsultationId",
                table: "recon_consultation_opinions",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_recon_consultations_CaseId",
                table: "recon_consultations",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_recon_respondent_aliases_OrgUnitId_Key",
                table: "recon_respondent_aliases",
                columns: new[] { "OrgUnitId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recon_respondent_aliases_RespondentOrgUnitId",
                table: "recon_respondent_aliases",
                column: "RespondentOrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recon_committee_members");

            migrationBuilder.DropTable(
                name: "recon_consultation_opinions");

            migrationBuilder.DropTable(
                name: "recon_respondent_aliases");

            migrationBuilder.DropTable(
                name: "recon_consultations");

            migrationBuilder.DropColumn(
                name: "DecisionGist",
                table: "recon_cases");
        }
    }
}
