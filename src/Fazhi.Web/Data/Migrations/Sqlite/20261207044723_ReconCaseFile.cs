using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReconCaseFile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Number",
                table: "recon_documents",
                type: "TEXT",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<long>(
                name: "ForDocumentId",
                table: "recon_documents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "IssuedAtUtc",
                table: "recon_documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuedBy",
                table: "recon_documents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IssuedOn",
                table: "recon_documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "recon_documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "recon_documents",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Issued");

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAtUtc",
                table: "recon_documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "recon_documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "VoidReason",
                table: "recon_documents",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VoidedAtUtc",
                table: "recon_documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VoidedBy",
                table: "recon_documents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ArchivedOn",
                table: "recon_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "recon_archives",
                columns: table => new
                {
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RetentionYears = table.Column<int>(type: "INTEGER", nullable: false),
                    ArchivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ArchivedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedText = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ReportedTo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_archives", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_recon_archives_recon_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "recon_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recon_hearings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticeOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HearingOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Matters = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Panelists = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Clerk = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Record = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_hearings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_hearings_recon_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "recon_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recon_services",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Addressee = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ElectronicAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConsentRecorded = table.Column<bool>(type: "INTEGER", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ServedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReceiptAttachmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_services", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recon_services_recon_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "recon_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_recon_services_recon_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "recon_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recon_writings",
                columns: table => new
                {
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThirdParties = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Request = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ApplicantStatement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RespondentStatement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ThirdPartyStatement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Reasoning = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MediationTerms = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Court = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recon_writings", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_recon_writings_recon_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "recon_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recon_documents_Number",
                table: "recon_documents",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_recon_archives_OrgUnitId_FileNumber",
                table: "recon_archives",
                columns: new[] { "OrgUnitId", "FileNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recon_archives_PublishedOn",
                table: "recon_archives",
                column: "PublishedOn");

            migrationBuilder.CreateIndex(
                name: "IX_recon_hearings_CaseId",
                table: "recon_hearings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_recon_services_CaseId",
                table: "recon_services",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_recon_services_DocumentId",
                table: "recon_services",
                column: "DocumentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recon_archives");

            migrationBuilder.DropTable(
                name: "recon_hearings");

            migrationBuilder.DropTable(
                name: "recon_services");

            migrationBuilder.DropTable(
                name: "recon_writings");

            migrationBuilder.DropIndex(
                name: "IX_recon_documents_Number",
                table: "recon_documents");

            migrationBuilder.DropColumn(
                name: "ForDocumentId",
                table: "recon_documents");

            migrationBuilder.DropColumn(
                name: "IssuedAtUtc",
                table: "recon_documents");

            migrationBuilder.DropColumn(
                name: "IssuedBy",
                table: "recon_documents");

            migrationBuilder.DropColumn(
                name: "IssuedOn",
                table: "recon_documents");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "recon_documents");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "recon_documents");

            migrationBuilder.DropColumn(
                name: "UpdatedAtUtc",
                table: "recon_documents");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "recon_documents");

            migrationBuilder.DropColumn(
                name: "VoidReason",
                table: "recon_documents");

            migrationBuilder.DropColumn(
                name: "VoidedAtUtc",
                table: "recon_documents");

            migrationBuilder.DropColumn(
                name: "VoidedBy",
                table: "recon_documents");

            // SQLite ≥ 3.35 drops an unindexed column in place. EF would rebuild recon_cases from the model of the migration
            // before this one (IdentityFactors), whose snapshot was made without the blind-index columns of EncryptedFields:
            // the rebuild lost them, and EncryptedFields' own Down then found no index to drop.
            migrationBuilder.Sql("ALTER TABLE \"recon_cases\" DROP COLUMN \"ArchivedOn\";");

            migrationBuilder.AlterColumn<string>(
                name: "Number",
                table: "recon_documents",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);
        }
    }
}
