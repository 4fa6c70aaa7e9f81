using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpinionLettersAndPerformance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "OpinionLetterOn",
                table: "recon_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpinionLetterTo",
                table: "recon_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OpinionRepliedOn",
                table: "recon_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Performance",
                table: "recon_cases",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OpinionLetterOn",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "OpinionLetterTo",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "OpinionRepliedOn",
                table: "recon_cases");

            migrationBuilder.DropColumn(
                name: "Performance",
                table: "recon_cases");
        }
    }
}
