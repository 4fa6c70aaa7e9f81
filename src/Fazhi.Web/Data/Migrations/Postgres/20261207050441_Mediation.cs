using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Mediation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "med_committees",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Field = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ShortName = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_committees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_committees_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "med_counters",
                columns: table => new
                {
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Series = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_counters", x => new { x.OrgUnitId, x.Year, x.Series });
                });

            migrationBuilder.CreateTable(
                name: "med_mediators",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FullTime = table.Column<bool>(type: "boolean", nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(117)", maxLength: 117, nullable: true),
                    Phone = table.Column<string>(type: "character varying(125)", maxLength: 125, nullable: true),
                    Training = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    InRoster = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IdNumberIndex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PhoneIndex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_mediators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_mediators_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "med_screenings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    By = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Found = table.Column<int>(type: "integer", nullable: false),
                    Prevented = table.Column<int>(type: "integer", nullable: false),
                    ZeroReport = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_screenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_screenings_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "med_subsidy_rates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    WrittenBonusFen = table.Column<long>(type: "bigint", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_subsidy_rates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_subsidy_rates_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "med_talk_points",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Host = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EstablishedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_talk_points", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_talk_points_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "med_disputes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Court = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CourtCaseNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CourtDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    MediatorId = table.Column<long>(type: "bigint", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Agreement = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    AgreementOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AgreementContent = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CloseReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ConfirmationAppliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConfirmationCourt = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConfirmationCaseNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConfirmationResult = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ConfirmationRuledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Performance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReferredToLegalAidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LegalAidReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ScreeningId = table.Column<long>(type: "bigint", nullable: true),
                    TalkPointId = table.Column<long>(type: "bigint", nullable: true),
                    Imported = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_disputes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_disputes_med_mediators_MediatorId",
                        column: x => x.MediatorId,
                        principalTable: "med_mediators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_med_disputes_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "med_talk_point_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TalkPointId = table.Column<long>(type: "bigint", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Resolved = table.Column<bool>(type: "boolean", nullable: false),
                    LegalEducation = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_talk_point_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_talk_point_reports_med_talk_points_TalkPointId",
                        column: x => x.TalkPointId,
                        principalTable: "med_talk_points",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "med_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DisputeId = table.Column<long>(type: "bigint", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_documents_med_disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "med_disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "med_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DisputeId = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_events_med_disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "med_disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "med_parties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DisputeId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(117)", maxLength: 117, nullable: true),
                    Phone = table.Column<string>(type: "character varying(125)", maxLength: 125, nullable: true),
                    Address = table.Column<string>(type: "character varying(845)", maxLength: 845, nullable: true),
                    IdNumberIndex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PhoneIndex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_parties_med_disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "med_disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_med_committees_OrgUnitId",
                table: "med_committees",
                column: "OrgUnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_med_disputes_MediatorId",
                table: "med_disputes",
                column: "MediatorId");

            migrationBuilder.CreateIndex(
                name: "IX_med_disputes_OrgUnitId_ClosedOn",
                table: "med_disputes",
                columns: new[] { "OrgUnitId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_med_disputes_OrgUnitId_Number",
                table: "med_disputes",
                columns: new[] { "OrgUnitId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_med_disputes_OrgUnitId_ReceivedOn",
                table: "med_disputes",
                columns: new[] { "OrgUnitId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_med_disputes_Status",
                table: "med_disputes",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_med_documents_DisputeId",
                table: "med_documents",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_med_events_Action_On",
                table: "med_events",
                columns: new[] { "Action", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_med_events_DisputeId",
                table: "med_events",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_med_mediators_IdNumberIndex",
                table: "med_mediators",
                column: "IdNumberIndex",
                filter: "\"IdNumberIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_med_mediators_OrgUnitId_Name",
                table: "med_mediators",
                columns: new[] { "OrgUnitId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_med_mediators_PhoneIndex",
                table: "med_mediators",
                column: "PhoneIndex",
                filter: "\"PhoneIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_med_parties_DisputeId",
                table: "med_parties",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_med_parties_IdNumberIndex",
                table: "med_parties",
                column: "IdNumberIndex",
                filter: "\"IdNumberIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_med_parties_PhoneIndex",
                table: "med_parties",
                column: "PhoneIndex",
                filter: "\"PhoneIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_med_screenings_OrgUnitId_On",
                table: "med_screenings",
                columns: new[] { "OrgUnitId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_med_subsidy_rates_OrgUnitId",
                table: "med_subsidy_rates",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_med_talk_point_reports_OrgUnitId_On",
                table: "med_talk_point_reports",
                columns: new[] { "OrgUnitId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_med_talk_point_reports_TalkPointId",
                table: "med_talk_point_reports",
                column: "TalkPointId");

            migrationBuilder.CreateIndex(
                name: "IX_med_talk_points_OrgUnitId",
                table: "med_talk_points",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "med_committees");

            migrationBuilder.DropTable(
                name: "med_counters");

            migrationBuilder.DropTable(
                name: "med_documents");

            migrationBuilder.DropTable(
                name: "med_events");

            migrationBuilder.DropTable(
                name: "med_parties");

            migrationBuilder.DropTable(
                name: "med_screenings");

            migrationBuilder.DropTable(
                name: "med_subsidy_rates");

            migrationBuilder.DropTable(
                name: "med_talk_point_reports");

            migrationBuilder.DropTable(
                name: "med_disputes");

            migrationBuilder.DropTable(
                name: "med_talk_points");

            migrationBuilder.DropTable(
                name: "med_mediators");
        }
    }
}
