using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnforcementFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enf_officer_training",
                columns: table => new
                {
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    officer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    hours = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: false),
                    exam_score = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    exam_passed = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_officer_training", x => new { x.officer_id, x.year });
                    table.ForeignKey(
                        name: "FK_enf_officer_training_enf_officers_officer_id",
                        column: x => x.officer_id,
                        principalTable: "enf_officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enf_plan_months",
                columns: table => new
                {
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    visits = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enf_plan_months", x => new { x.org_unit_id, x.month });
                });

            migrationBuilder.CreateIndex(
                name: "IX_enf_officer_training_year",
                table: "enf_officer_training",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "IX_enf_plan_months_month",
                table: "enf_plan_months",
                column: "month");

            // Bring the data along: every officer's JSON training list becomes rows (one per officer and year), and the
            // plan entries already filed are counted into the roll-up, before the triggers keep it in step.
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO enf_officer_training (officer_id, year, hours, exam_score, exam_passed)
                SELECT o.Id, json_extract(t.value, '$.Year'), COALESCE(json_extract(t.value, '$.Hours'), 0),
                       json_extract(t.value, '$.ExamScore'), json_extract(t.value, '$.ExamPassed')
                FROM enf_officers o, json_each(o.training) t
                WHERE json_valid(o.training) AND json_type(o.training) = 'array' AND json_extract(t.value, '$.Year') IS NOT NULL;
                """);
            migrationBuilder.DropColumn(
                name: "training",
                table: "enf_officers");
            migrationBuilder.Sql("""
                INSERT INTO enf_plan_months (org_unit_id, month, visits)
                SELECT OrgUnitId, Year * 100 + Month, COUNT(*) FROM enf_inspection_plans GROUP BY OrgUnitId, Year * 100 + Month;
                """);
            // enf_plan_months follows enf_inspection_plans whoever writes it. NB: a later migration that makes EF rebuild
            // enf_inspection_plans on SQLite drops these triggers with the old table; it must create them again.
            migrationBuilder.Sql("""
                CREATE TRIGGER enf_plan_months_insert AFTER INSERT ON enf_inspection_plans BEGIN
                    INSERT INTO enf_plan_months (org_unit_id, month, visits) VALUES (NEW.OrgUnitId, NEW.Year * 100 + NEW.Month, 1)
                    ON CONFLICT (org_unit_id, month) DO UPDATE SET visits = visits + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER enf_plan_months_delete AFTER DELETE ON enf_inspection_plans BEGIN
                    UPDATE enf_plan_months SET visits = visits - 1 WHERE org_unit_id = OLD.OrgUnitId AND month = OLD.Year * 100 + OLD.Month;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER enf_plan_months_update AFTER UPDATE OF OrgUnitId, Year, Month ON enf_inspection_plans
                WHEN OLD.OrgUnitId <> NEW.OrgUnitId OR OLD.Year <> NEW.Year OR OLD.Month <> NEW.Month BEGIN
                    UPDATE enf_plan_months SET visits = visits - 1 WHERE org_unit_id = OLD.OrgUnitId AND month = OLD.Year * 100 + OLD.Month;
                    INSERT INTO enf_plan_months (org_unit_id, month, visits) VALUES (NEW.OrgUnitId, NEW.Year * 100 + NEW.Month, 1)
                    ON CONFLICT (org_unit_id, month) DO UPDATE SET visits = visits + 1;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS enf_plan_months_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS enf_plan_months_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS enf_plan_months_update;");
            migrationBuilder.AddColumn<string>(
                name: "training",
                table: "enf_officers",
                type: "TEXT",
                nullable: true);
            migrationBuilder.Sql("""
                UPDATE enf_officers SET training = COALESCE((
                    SELECT json_group_array(json_object('Year', year, 'Hours', CAST(hours AS REAL), 'ExamScore', CAST(exam_score AS REAL),
                                                        'ExamPassed', CASE exam_passed WHEN 1 THEN json('true') WHEN 0 THEN json('false') END))
                    FROM (SELECT * FROM enf_officer_training t WHERE t.officer_id = enf_officers.Id ORDER BY year)), '[]');
                """);

            migrationBuilder.DropTable(
                name: "enf_officer_training");

            migrationBuilder.DropTable(
                name: "enf_plan_months");
        }
    }
}
