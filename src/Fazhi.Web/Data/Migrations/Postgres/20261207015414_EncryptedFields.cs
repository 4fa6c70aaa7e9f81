using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "ApplicantPhone",
                table: "recon_cases",
                type: "character varying(125)",
                maxLength: 125,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ApplicantIdNumber",
                table: "recon_cases",
                type: "character varying(117)",
                maxLength: 117,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantIdNumberIndex",
                table: "recon_cases",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantPhoneIndex",
                table: "recon_cases",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "target_id_number",
                table: "enf_records",
                type: "character varying(117)",
                maxLength: 117,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "target_id_number_index",
                table: "enf_records",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IdNumber",
                table: "enf_officers",
                type: "character varying(117)",
                maxLength: 117,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberIndex",
                table: "enf_officers",
                type: "character varying(32)",
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
