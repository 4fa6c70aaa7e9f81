using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EncryptedFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enf_records_target_id_number",
                table: "enf_records");

            migrationBuilder.AddColumn<string>(
                name: "ApplicantIdNumberIndex",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantPhoneIndex",
                table: "recon_cases",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "target_id_number_index",
                table: "enf_records",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberIndex",
                table: "enf_officers",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_recon_cases_ApplicantIdNumberIndex",
                table: "recon_cases",
                column: "ApplicantIdNumberIndex",
                filter: "\"ApplicantIdNumberIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_recon_cases_ApplicantPhoneIndex",
                table: "recon_cases",
                column: "ApplicantPhoneIndex",
                filter: "\"ApplicantPhoneIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_enf_records_target_id_number_index",
                table: "enf_records",
                column: "target_id_number_index",
                filter: "\"target_id_number_index\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_enf_officers_IdNumberIndex",
                table: "enf_officers",
                column: "IdNumberIndex",
                filter: "\"IdNumberIndex\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_recon_cases_ApplicantIdNumberIndex",
                table: "recon_cases");

            migrationBuilder.DropIndex(
                name: "IX_recon_cases_ApplicantPhoneIndex",
                table: "recon_cases");

            migrationBuilder.DropIndex(
                name: "IX_enf_records_target_id_number_index",
                table: "enf_records");

            migrationBuilder.DropIndex(
                name: "IX_enf_officers_IdNumberIndex",
                table: "enf_officers");

            migrationBuilder.DropColumn(
                name: "ApplicantIdNumberIndex",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "ApplicantPhoneIndex",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "target_id_number_index",
                table: "enf_records");

            migrationBuilder.DropColumn(
                name: "IdNumberIndex",
                table: "enf_officers");

            migrationBuilder.CreateIndex(
                name: "IX_enf_records_target_id_number",
                table: "enf_records",
                column: "target_id_number",
                filter: "target_id_number IS NOT NULL");
        }
    }
}
