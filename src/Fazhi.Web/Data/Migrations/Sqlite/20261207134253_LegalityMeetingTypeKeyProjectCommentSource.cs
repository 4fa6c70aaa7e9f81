using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LegalityMeetingTypeKeyProjectCommentSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CommentSource",
                table: "leg_matters",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MeetingType",
                table: "leg_matters",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "KeyProject",
                table: "leg_contracts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "KeyProjectName",
                table: "leg_contracts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CommentSource",
                table: "leg_matters");

            migrationBuilder.DropColumn(
                name: "MeetingType",
                table: "leg_matters");

            migrationBuilder.DropColumn(
                name: "KeyProject",
                table: "leg_contracts");

            migrationBuilder.DropColumn(
                name: "KeyProjectName",
                table: "leg_contracts");
        }
    }
}
