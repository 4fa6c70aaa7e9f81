using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LegalAidLegalityMediation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aid_consultations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 125, nullable: true),
                    CaseType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReferralSource = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReferralRef = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    PhoneIndex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Series = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "leg_cleanups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leg_counters", x => new { x.OrgUnitId, x.Year, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "leg_matters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewOrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewerUserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Advisers = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    OpinionIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpinionNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NormativeDocumentId = table.Column<long>(type: "INTEGER", nullable: true),
                    ContractId = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "med_committees",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FoundedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
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
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Series = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_counters", x => new { x.OrgUnitId, x.Year, x.Series });
                });

            migrationBuilder.CreateTable(
                name: "med_mediators",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FullTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 117, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 125, nullable: true),
                    Training = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    InRoster = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IdNumberIndex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PhoneIndex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Found = table.Column<int>(type: "INTEGER", nullable: false),
                    Prevented = table.Column<int>(type: "INTEGER", nullable: false),
                    ZeroReport = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    WrittenBonusFen = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EstablishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                name: "aid_providers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Firm = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PracticeYears = table.Column<int>(type: "INTEGER", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 125, nullable: true),
                    DutyLawyer = table.Column<bool>(type: "INTEGER", nullable: false),
                    WorkstationId = table.Column<long>(type: "INTEGER", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    PhoneIndex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
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
                name: "leg_comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MatterId = table.Column<long>(type: "INTEGER", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Clause = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Adoption = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AdoptionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Counterparty = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    KeyClauses = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReviewMatterId = table.Column<long>(type: "INTEGER", nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Imported = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlanYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReviewMatterId = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliberatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Meeting = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FiledWithGovernmentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FiledWithGovernmentLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    FiledWithCongressOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FiledWithCongressLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MatterId = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MatterId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MatterId = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Items = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
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
                name: "med_disputes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Court = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CourtCaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CourtDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MediatorId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Agreement = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AgreementOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AgreementContent = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CloseReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConfirmationAppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConfirmationCourt = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmationCaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmationResult = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ConfirmationRuledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Performance = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReferredToLegalAidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LegalAidReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ScreeningId = table.Column<long>(type: "INTEGER", nullable: true),
                    TalkPointId = table.Column<long>(type: "INTEGER", nullable: true),
                    Imported = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TalkPointId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Resolved = table.Column<bool>(type: "INTEGER", nullable: false),
                    LegalEducation = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "aid_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ApplicantIdNumber = table.Column<string>(type: "TEXT", maxLength: 117, nullable: true),
                    ApplicantPhone = table.Column<string>(type: "TEXT", maxLength: 125, nullable: true),
                    ApplicantAddress = table.Column<string>(type: "TEXT", maxLength: 845, nullable: true),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CaseType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    WorkstationId = table.Column<long>(type: "INTEGER", nullable: true),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    EligibilityCategory = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Green = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    NoticeAuthority = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NoticeNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    MissingMaterials = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MaterialsRequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MaterialsSuppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ProvidedFirst = table.Column<bool>(type: "INTEGER", nullable: false),
                    UrgentGround = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ProviderId = table.Column<long>(type: "INTEGER", nullable: true),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AssignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RecoveredFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SubsidyFen = table.Column<long>(type: "INTEGER", nullable: false),
                    TerminationReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FileScore = table.Column<int>(type: "INTEGER", nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    SatisfactionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CallbackOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HearingsAttended = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsultationId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReferralSource = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReferralRef = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReferredBackOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantIdNumberIndex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ApplicantPhoneIndex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
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
                name: "leg_cleanup_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "med_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisputeId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisputeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisputeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 117, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 125, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 845, nullable: true),
                    IdNumberIndex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PhoneIndex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "aid_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                name: "aid_cases");

            migrationBuilder.DropTable(
                name: "leg_cleanups");

            migrationBuilder.DropTable(
                name: "leg_documents");

            migrationBuilder.DropTable(
                name: "med_disputes");

            migrationBuilder.DropTable(
                name: "med_talk_points");

            migrationBuilder.DropTable(
                name: "aid_providers");

            migrationBuilder.DropTable(
                name: "leg_matters");

            migrationBuilder.DropTable(
                name: "med_mediators");

            migrationBuilder.DropTable(
                name: "aid_workstations");
        }
    }
}
