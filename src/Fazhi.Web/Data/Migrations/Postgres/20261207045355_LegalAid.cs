using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LegalAid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aid_consultations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "character varying(125)", maxLength: 125, nullable: true),
                    CaseType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Question = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Handler = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReferralSource = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReferralRef = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CaseId = table.Column<long>(type: "bigint", nullable: true),
                    PhoneIndex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_consultations_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aid_counters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Series = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_counters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_counters_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aid_subsidy_standards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    CaseType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_subsidy_standards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_subsidy_standards_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aid_workstations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Host = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_workstations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_workstations_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aid_providers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Firm = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PracticeYears = table.Column<int>(type: "integer", nullable: false),
                    Phone = table.Column<string>(type: "character varying(125)", maxLength: 125, nullable: true),
                    DutyLawyer = table.Column<bool>(type: "boolean", nullable: false),
                    WorkstationId = table.Column<long>(type: "bigint", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    PhoneIndex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_providers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_providers_aid_workstations_WorkstationId",
                        column: x => x.WorkstationId,
                        principalTable: "aid_workstations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_aid_providers_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aid_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ApplicantIdNumber = table.Column<string>(type: "character varying(117)", maxLength: 117, nullable: true),
                    ApplicantPhone = table.Column<string>(type: "character varying(125)", maxLength: 125, nullable: true),
                    ApplicantAddress = table.Column<string>(type: "character varying(845)", maxLength: 845, nullable: true),
                    Matter = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CaseType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WorkstationId = table.Column<long>(type: "bigint", nullable: true),
                    Eligibility = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    EligibilityCategory = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Green = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    NoticeAuthority = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NoticeNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    MissingMaterials = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MaterialsRequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MaterialsSuppliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ProvidedFirst = table.Column<bool>(type: "boolean", nullable: false),
                    UrgentGround = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProviderId = table.Column<long>(type: "bigint", nullable: true),
                    ProviderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AssignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Result = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RecoveredFen = table.Column<long>(type: "bigint", nullable: false),
                    SubsidyFen = table.Column<long>(type: "bigint", nullable: false),
                    TerminationReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FileScore = table.Column<int>(type: "integer", nullable: true),
                    Satisfaction = table.Column<int>(type: "integer", nullable: true),
                    SatisfactionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CallbackOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HearingsAttended = table.Column<int>(type: "integer", nullable: false),
                    ConsultationId = table.Column<long>(type: "bigint", nullable: true),
                    ReferralSource = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReferralRef = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReferredBackOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ApplicantIdNumberIndex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ApplicantPhoneIndex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_cases_aid_providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "aid_providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_aid_cases_aid_workstations_WorkstationId",
                        column: x => x.WorkstationId,
                        principalTable: "aid_workstations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_aid_cases_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aid_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_documents_aid_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "aid_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_aid_documents_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aid_events",
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
                    table.PrimaryKey("PK_aid_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_events_aid_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "aid_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_aid_cases_ApplicantIdNumberIndex",
                table: "aid_cases",
                column: "ApplicantIdNumberIndex",
                filter: "\"ApplicantIdNumberIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_aid_cases_ApplicantPhoneIndex",
                table: "aid_cases",
                column: "ApplicantPhoneIndex",
                filter: "\"ApplicantPhoneIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_aid_cases_Number",
                table: "aid_cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aid_cases_OrgUnitId_ClosedOn",
                table: "aid_cases",
                columns: new[] { "OrgUnitId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_cases_OrgUnitId_DecidedOn",
                table: "aid_cases",
                columns: new[] { "OrgUnitId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_cases_OrgUnitId_ReceivedOn",
                table: "aid_cases",
                columns: new[] { "OrgUnitId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_cases_ProviderId",
                table: "aid_cases",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_cases_ReferralSource_ReferralRef",
                table: "aid_cases",
                columns: new[] { "ReferralSource", "ReferralRef" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_cases_Status",
                table: "aid_cases",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_aid_cases_WorkstationId",
                table: "aid_cases",
                column: "WorkstationId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_consultations_OrgUnitId_On",
                table: "aid_consultations",
                columns: new[] { "OrgUnitId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_consultations_PhoneIndex",
                table: "aid_consultations",
                column: "PhoneIndex",
                filter: "\"PhoneIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_aid_consultations_ReferralSource_ReferralRef",
                table: "aid_consultations",
                columns: new[] { "ReferralSource", "ReferralRef" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_counters_OrgUnitId_Year_Series",
                table: "aid_counters",
                columns: new[] { "OrgUnitId", "Year", "Series" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aid_documents_CaseId",
                table: "aid_documents",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_documents_Number",
                table: "aid_documents",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aid_documents_OrgUnitId",
                table: "aid_documents",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_events_Action_On",
                table: "aid_events",
                columns: new[] { "Action", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_events_CaseId",
                table: "aid_events",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_providers_OrgUnitId",
                table: "aid_providers",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_providers_PhoneIndex",
                table: "aid_providers",
                column: "PhoneIndex",
                filter: "\"PhoneIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_aid_providers_WorkstationId",
                table: "aid_providers",
                column: "WorkstationId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_subsidy_standards_OrgUnitId_CaseType_Stage",
                table: "aid_subsidy_standards",
                columns: new[] { "OrgUnitId", "CaseType", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aid_workstations_OrgUnitId",
                table: "aid_workstations",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aid_consultations");

            migrationBuilder.DropTable(
                name: "aid_counters");

            migrationBuilder.DropTable(
                name: "aid_documents");

            migrationBuilder.DropTable(
                name: "aid_events");

            migrationBuilder.DropTable(
                name: "aid_subsidy_standards");

            migrationBuilder.DropTable(
                name: "aid_cases");

            migrationBuilder.DropTable(
                name: "aid_providers");

            migrationBuilder.DropTable(
                name: "aid_workstations");
        }
    }
}
