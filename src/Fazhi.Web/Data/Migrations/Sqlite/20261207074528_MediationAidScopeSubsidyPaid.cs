using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SubsidyPaidOn",
                table: "med_disputes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SeriousCharge",
                table: "aid_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SubsidyPaidOn",
                table: "aid_cases",
                type: "TEXT",
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
