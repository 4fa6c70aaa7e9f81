using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnforcementIngestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_enf_records_sys_org_units_org_unit_id",
                table: "enf_records");

            migrationBuilder.DropIndex(
                name: "IX_enf_records_batch_id",
                table: "enf_records");

            migrationBuilder.CreateIndex(
                name: "IX_enf_records_penalties",
                table: "enf_records",
                column: "opened_on",
                filter: "kind = 'Penalty'");

            migrationBuilder.CreateIndex(
                name: "IX_enf_records_target_id_number",
                table: "enf_records",
                column: "target_id_number",
                filter: "target_id_number IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enf_records_penalties",
                table: "enf_records");

            migrationBuilder.DropIndex(
                name: "IX_enf_records_target_id_number",
                table: "enf_records");

            migrationBuilder.CreateIndex(
                name: "IX_enf_records_batch_id",
                table: "enf_records",
                column: "batch_id");

            migrationBuilder.AddForeignKey(
                name: "FK_enf_records_sys_org_units_org_unit_id",
                table: "enf_records",
                column: "org_unit_id",
                principalTable: "sys_org_units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
