using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MediationAidScopeSubsidyPaid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SubsidyFen",
                table: "med_disputes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SubsidyPaidOn",
                table: "med_disputes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SeriousCharge",
                table: "aid_cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SubsidyPaidOn",
                table: "aid_cases",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SubsidyFen",
                table: "med_disputes");

            migrationBuilder.DropColumn(
                name: "SubsidyPaidOn",
                table: "med_disputes");

            migrationBuilder.DropColumn(
                name: "SeriousCharge",
                table: "aid_cases");

            migrationBuilder.DropColumn(
                name: "SubsidyPaidOn",
                table: "aid_cases");
        }
    }
}
