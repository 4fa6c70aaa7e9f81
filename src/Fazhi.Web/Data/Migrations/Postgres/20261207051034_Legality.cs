using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Legality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leg_cleanups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_cleanups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_cleanups_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leg_counters",
                columns: table => new
                {
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_counters", x => new { x.OrgUnitId, x.Year, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "leg_matters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    ReviewOrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewerUserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Advisers = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Conclusion = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    OpinionIssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OpinionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NormativeDocumentId = table.Column<long>(type: "bigint", nullable: true),
                    ContractId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_matters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_matters_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_leg_matters_sys_org_units_ReviewOrgUnitId",
                        column: x => x.ReviewOrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leg_comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatterId = table.Column<long>(type: "bigint", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Clause = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Author = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Adoption = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    AdoptionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_comments_leg_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "leg_matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leg_contracts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Counterparty = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "date", nullable: false),
                    KeyClauses = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReviewMatterId = table.Column<long>(type: "bigint", nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Imported = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_contracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_contracts_leg_matters_ReviewMatterId",
                        column: x => x.ReviewMatterId,
                        principalTable: "leg_matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_leg_contracts_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leg_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PlanYear = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReviewMatterId = table.Column<long>(type: "bigint", nullable: true),
                    DeliberatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Meeting = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DocumentNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledWithGovernmentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledWithGovernmentLate = table.Column<bool>(type: "boolean", nullable: false),
                    FiledWithCongressOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledWithCongressLate = table.Column<bool>(type: "boolean", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Evaluation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_documents_leg_matters_ReviewMatterId",
                        column: x => x.ReviewMatterId,
                        principalTable: "leg_matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_leg_documents_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leg_matter_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatterId = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_matter_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_matter_events_leg_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "leg_matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leg_opinions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatterId = table.Column<long>(type: "bigint", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_opinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_opinions_leg_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "leg_matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leg_pauses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatterId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    Items = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_pauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_pauses_leg_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "leg_matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leg_cleanup_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    DocumentId = table.Column<long>(type: "bigint", nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_cleanup_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_cleanup_items_leg_cleanups_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "leg_cleanups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_leg_cleanup_items_leg_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "leg_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leg_document_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_document_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leg_document_events_leg_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "leg_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_leg_cleanup_items_CampaignId_DocumentId",
                table: "leg_cleanup_items",
                columns: new[] { "CampaignId", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_cleanup_items_DocumentId",
                table: "leg_cleanup_items",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_cleanups_OrgUnitId",
                table: "leg_cleanups",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_comments_MatterId_Seq",
                table: "leg_comments",
                columns: new[] { "MatterId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_contracts_OrgUnitId_Code",
                table: "leg_contracts",
                columns: new[] { "OrgUnitId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_contracts_ReviewMatterId",
                table: "leg_contracts",
                column: "ReviewMatterId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_document_events_DocumentId",
                table: "leg_document_events",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_documents_OrgUnitId_PublishedOn",
                table: "leg_documents",
                columns: new[] { "OrgUnitId", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_leg_documents_ReviewMatterId",
                table: "leg_documents",
                column: "ReviewMatterId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_documents_Status",
                table: "leg_documents",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_leg_matter_events_MatterId",
                table: "leg_matter_events",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_matters_Number",
                table: "leg_matters",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_matters_OrgUnitId_OpinionIssuedOn",
                table: "leg_matters",
                columns: new[] { "OrgUnitId", "OpinionIssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_leg_matters_OrgUnitId_SubmittedOn",
                table: "leg_matters",
                columns: new[] { "OrgUnitId", "SubmittedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_leg_matters_ReviewOrgUnitId",
                table: "leg_matters",
                column: "ReviewOrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_matters_Status",
                table: "leg_matters",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_leg_opinions_MatterId",
                table: "leg_opinions",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_leg_opinions_Number",
                table: "leg_opinions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leg_pauses_MatterId",
                table: "leg_pauses",
                column: "MatterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leg_cleanup_items");

            migrationBuilder.DropTable(
                name: "leg_comments");

            migrationBuilder.DropTable(
                name: "leg_contracts");

            migrationBuilder.DropTable(
                name: "leg_counters");

            migrationBuilder.DropTable(
                name: "leg_document_events");

            migrationBuilder.DropTable(
                name: "leg_matter_events");

            migrationBuilder.DropTable(
                name: "leg_opinions");

            migrationBuilder.DropTable(
                name: "leg_pauses");

            migrationBuilder.DropTable(
                name: "leg_cleanups");

            migrationBuilder.DropTable(
                name: "leg_documents");

            migrationBuilder.DropTable(
                name: "leg_matters");
        }
    }
}
