using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReconLimitsAndHotline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Article39Item",
                table: "recon_suspensions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CoDefendant",
                table: "recon_litigation_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "JudgmentKind",
                table: "recon_litigation_cases",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "JudgmentServedOn",
                table: "recon_litigation_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LossReason",
                table: "recon_litigation_cases",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActAgency",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActDocumentNumber",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActName",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompetentBody",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedBy",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionMode",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IntakeToken",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NotToldOfRight",
                table: "recon_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "QuickContactDueUtc",
                table: "recon_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RealProperty",
                table: "recon_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RespondentPeriodDays",
                table: "recon_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RightLearnedOn",
                table: "recon_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VoidReason",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VoidedAtUtc",
                table: "recon_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hl_batches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hl_batches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hl_batches_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hl_consultations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClusterKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TownCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Community = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TicketNos = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Departments = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConsultedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Present = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResponsibleCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RuledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RulingIssued = table.Column<bool>(type: "INTEGER", nullable: false),
                    RulingYear = table.Column<int>(type: "INTEGER", nullable: true),
                    RulingSeq = table.Column<int>(type: "INTEGER", nullable: true),
                    RulingText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FeedbackOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hl_consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hl_consultations_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hl_own_tickets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    TicketNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HandledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RevisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevisitResult = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ExtensionWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hl_own_tickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hl_own_tickets_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hl_ticket_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    batch_id = table.Column<long>(type: "INTEGER", nullable: false),
                    changed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    before_value = table.Column<string>(type: "TEXT", nullable: true),
                    after_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hl_ticket_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hl_ticket_keys",
                columns: table => new
                {
                    ticket_no = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hl_ticket_keys", x => x.ticket_no);
                });

            migrationBuilder.CreateTable(
                name: "hl_tickets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    ticket_no = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    caller_name = table.Column<string>(type: "TEXT", maxLength: 245, nullable: true),
                    caller_phone = table.Column<string>(type: "TEXT", maxLength: 125, nullable: true),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    town_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    community = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    centre_field = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    department_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    reassignments_json = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    reassignments = table.Column<int>(type: "INTEGER", nullable: false),
                    bounces = table.Column<int>(type: "INTEGER", nullable: false),
                    due_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    reply = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    satisfaction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    merged_into = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    merge_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    batch_id = table.Column<long>(type: "INTEGER", nullable: false),
                    first_received_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    label_enforcement = table.Column<bool>(type: "INTEGER", nullable: true),
                    label_field = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    label_department = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    labelled_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    complaint_warning_id = table.Column<long>(type: "INTEGER", nullable: true),
                    caller_name_index = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    caller_phone_index = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hl_tickets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hl_triage_models",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Examples = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOutAccuracy = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    ModelJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hl_triage_models", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recon_litigation_hearings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LitigationCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HeadAppeared = table.Column<bool>(type: "INTEGER", nullable: false),
                    Appearer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_litigation_hearings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_litigation_hearings_recon_litigation_cases_LitigationCaseId",
                        column: x => x.LitigationCaseId,
                        principalTable: "recon_litigation_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recon_parties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 117, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 125, nullable: true),
                    Authorisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActsFor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IdNumberIndex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PhoneIndex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_parties_recon_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "recon_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recon_cases_IntakeToken",
                table: "recon_cases",
                column: "IntakeToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hl_batches_OrgUnitId",
                table: "hl_batches",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_hl_consultations_ClusterKey",
                table: "hl_consultations",
                column: "ClusterKey");

            migrationBuilder.CreateIndex(
                name: "IX_hl_consultations_OrgUnitId_RulingYear_RulingSeq",
                table: "hl_consultations",
                columns: new[] { "OrgUnitId", "RulingYear", "RulingSeq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hl_own_tickets_OrgUnitId",
                table: "hl_own_tickets",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_hl_own_tickets_TicketNo",
                table: "hl_own_tickets",
                column: "TicketNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hl_ticket_history_ticket_id",
                table: "hl_ticket_history",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "IX_hl_ticket_keys_ticket_id",
                table: "hl_ticket_keys",
                column: "ticket_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hl_tickets_caller_name_index",
                table: "hl_tickets",
                column: "caller_name_index",
                filter: "\"caller_name_index\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_hl_tickets_caller_phone_index",
                table: "hl_tickets",
                column: "caller_phone_index",
                filter: "\"caller_phone_index\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_hl_tickets_org_unit_id_received_at_utc",
                table: "hl_tickets",
                columns: new[] { "org_unit_id", "received_at_utc" });

            migrationBuilder.CreateIndex(
                name: "IX_hl_tickets_ticket_no",
                table: "hl_tickets",
                column: "ticket_no");

            migrationBuilder.CreateIndex(
                name: "IX_hl_tickets_town_code_received_at_utc",
                table: "hl_tickets",
                columns: new[] { "town_code", "received_at_utc" });

            migrationBuilder.CreateIndex(
                name: "IX_hl_triage_models_OrgUnitId_TrainedAtUtc",
                table: "hl_triage_models",
                columns: new[] { "OrgUnitId", "TrainedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_recon_litigation_hearings_LitigationCaseId_On",
                table: "recon_litigation_hearings",
                columns: new[] { "LitigationCaseId", "On" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recon_parties_CaseId",
                table: "recon_parties",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_recon_parties_IdNumberIndex",
                table: "recon_parties",
                column: "IdNumberIndex",
                filter: "\"IdNumberIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_recon_parties_PhoneIndex",
                table: "recon_parties",
                column: "PhoneIndex",
                filter: "\"PhoneIndex\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hl_batches");

            migrationBuilder.DropTable(
                name: "hl_consultations");

            migrationBuilder.DropTable(
                name: "hl_own_tickets");

            migrationBuilder.DropTable(
                name: "hl_ticket_history");

            migrationBuilder.DropTable(
                name: "hl_ticket_keys");

            migrationBuilder.DropTable(
                name: "hl_tickets");

            migrationBuilder.DropTable(
                name: "hl_triage_models");

            migrationBuilder.DropTable(
                name: "recon_litigation_hearings");

            migrationBuilder.DropTable(
                name: "recon_parties");

            migrationBuilder.DropIndex(
                name: "IX_recon_cases_IntakeToken",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "Article39Item",
                table: "recon_suspensions");

            migrationBuilder.DropColumn(
                name: "CoDefendant",
                table: "recon_litigation_cases");

            migrationBuilder.DropColumn(
                name: "JudgmentKind",
                table: "recon_litigation_cases");

            migrationBuilder.DropColumn(
                name: "JudgmentServedOn",
                table: "recon_litigation_cases");

            migrationBuilder.DropColumn(
                name: "LossReason",
                table: "recon_litigation_cases");

            migrationBuilder.DropColumn(
                name: "ActAgency",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "ActDocumentNumber",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "ActName",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "CompetentBody",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "DecidedBy",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "DecisionMode",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "IntakeToken",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "NotToldOfRight",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "QuickContactDueUtc",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "RealProperty",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "RespondentPeriodDays",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "RightLearnedOn",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "VoidReason",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "VoidedAtUtc",
                table: "recon_cases");
        }
    }
}
