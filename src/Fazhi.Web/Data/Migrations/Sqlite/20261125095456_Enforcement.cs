using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Enforcement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enf_batches",
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
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    WarningsRaised = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_batches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_batches_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enf_inspection_plans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetCreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    TargetName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Items = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    JointInspectionId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_inspection_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_inspection_plans_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enf_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResponsibleDepartment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TownLevel = table.Column<bool>(type: "INTEGER", nullable: false),
                    TownClass = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ReceivingTowns = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    benchmarks = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_items_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enf_joint_inspections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetCreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    TargetName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Departments = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LeadOrgUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConfirmedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_joint_inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_joint_inspections_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enf_officers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatusSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    reviews = table.Column<string>(type: "TEXT", nullable: true),
                    training = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_officers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_officers_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enf_record_months",
                columns: table => new
                {
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    records = table.Column<int>(type: "INTEGER", nullable: false),
                    lenient = table.Column<int>(type: "INTEGER", nullable: false),
                    enterprises = table.Column<int>(type: "INTEGER", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_record_months", x => new { x.org_unit_id, x.month, x.kind });
                });

            migrationBuilder.CreateTable(
                name: "enf_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    source_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    item_id = table.Column<long>(type: "INTEGER", nullable: true),
                    target_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    target_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    target_credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    target_id_number = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    officers = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    officer_count = table.Column<int>(type: "INTEGER", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    counted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    circumstance = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    legal_review_done = table.Column<bool>(type: "INTEGER", nullable: false),
                    major = table.Column<bool>(type: "INTEGER", nullable: false),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    lenient = table.Column<bool>(type: "INTEGER", nullable: false),
                    batch_id = table.Column<long>(type: "INTEGER", nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_records", x => x.id);
                    table.ForeignKey(
                        name: "FK_enf_records_sys_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enf_review_templates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    items = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_review_templates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_review_templates_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enf_sampling_draws",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    FilterJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedCount = table.Column<int>(type: "INTEGER", nullable: true),
                    RequestedPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    Drawn = table.Column<int>(type: "INTEGER", nullable: false),
                    TemplateId = table.Column<long>(type: "INTEGER", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_sampling_draws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_sampling_draws_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enf_warnings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: true),
                    OfficerId = table.Column<long>(type: "INTEGER", nullable: true),
                    RuleCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DedupKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FeedbackOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Rectification = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RectifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CloseNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AutoClosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_warnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_warnings_sys_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "sys_org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enf_sampled_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DrawId = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    ItemScoresJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Reviewer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_sampled_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enf_sampled_records_enf_sampling_draws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "enf_sampling_draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_enf_batches_OrgUnitId_AtUtc",
                table: "enf_batches",
                columns: new[] { "OrgUnitId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_inspection_plans_OrgUnitId_Year_Month_TargetCreditCode",
                table: "enf_inspection_plans",
                columns: new[] { "OrgUnitId", "Year", "Month", "TargetCreditCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_inspection_plans_TargetCreditCode_Year_Month",
                table: "enf_inspection_plans",
                columns: new[] { "TargetCreditCode", "Year", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_items_Code",
                table: "enf_items",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_enf_items_OrgUnitId_Code",
                table: "enf_items",
                columns: new[] { "OrgUnitId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_joint_inspections_OrgUnitId_Year_Month_TargetCreditCode",
                table: "enf_joint_inspections",
                columns: new[] { "OrgUnitId", "Year", "Month", "TargetCreditCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_officers_CertificateNumber",
                table: "enf_officers",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_officers_OrgUnitId_ExpiresOn",
                table: "enf_officers",
                columns: new[] { "OrgUnitId", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_record_months_month",
                table: "enf_record_months",
                column: "month");

            migrationBuilder.CreateIndex(
                name: "IX_enf_records_batch_id",
                table: "enf_records",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "IX_enf_records_org_unit_id_counted_on",
                table: "enf_records",
                columns: new[] { "org_unit_id", "counted_on" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_records_org_unit_id_source_id",
                table: "enf_records",
                columns: new[] { "org_unit_id", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_records_target_credit_code_opened_on",
                table: "enf_records",
                columns: new[] { "target_credit_code", "opened_on" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_review_templates_OrgUnitId",
                table: "enf_review_templates",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_enf_sampled_records_DrawId_RecordId",
                table: "enf_sampled_records",
                columns: new[] { "DrawId", "RecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_sampled_records_RecordId",
                table: "enf_sampled_records",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_enf_sampling_draws_OrgUnitId",
                table: "enf_sampling_draws",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_enf_warnings_OrgUnitId_DedupKey",
                table: "enf_warnings",
                columns: new[] { "OrgUnitId", "DedupKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enf_warnings_OrgUnitId_RaisedOn",
                table: "enf_warnings",
                columns: new[] { "OrgUnitId", "RaisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_enf_warnings_RecordId",
                table: "enf_warnings",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_enf_warnings_Status_DueOn",
                table: "enf_warnings",
                columns: new[] { "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enf_batches");

            migrationBuilder.DropTable(
                name: "enf_inspection_plans");

            migrationBuilder.DropTable(
                name: "enf_items");

            migrationBuilder.DropTable(
                name: "enf_joint_inspections");

            migrationBuilder.DropTable(
                name: "enf_officers");

            migrationBuilder.DropTable(
                name: "enf_record_months");

            migrationBuilder.DropTable(
                name: "enf_records");

            migrationBuilder.DropTable(
                name: "enf_review_templates");

            migrationBuilder.DropTable(
                name: "enf_sampled_records");

            migrationBuilder.DropTable(
                name: "enf_warnings");

            migrationBuilder.DropTable(
                name: "enf_sampling_draws");
        }
    }
}
