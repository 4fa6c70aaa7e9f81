using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Postgres
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
                    year = table.Column<int>(type: "integer", nullable: false),
                    officer_id = table.Column<long>(type: "bigint", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false),
                    exam_score = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    exam_passed = table.Column<bool>(type: "boolean", nullable: true)
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
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    visits = table.Column<int>(type: "integer", nullable: false)
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
                INSERT INTO enf_officer_training (officer_id, year, hours, exam_score, exam_passed)
                SELECT DISTINCT ON (o."Id", (t->>'Year')::int) o."Id", (t->>'Year')::int, COALESCE((t->>'Hours')::numeric, 0),
                       (t->>'ExamScore')::numeric, (t->>'ExamPassed')::boolean
                FROM enf_officers o CROSS JOIN LATERAL jsonb_array_elements(o.training) AS t
                WHERE jsonb_typeof(o.training) = 'array' AND t->>'Year' IS NOT NULL
                ORDER BY o."Id", (t->>'Year')::int;
                """);
            migrationBuilder.DropColumn(
                name: "training",
                table: "enf_officers");
            migrationBuilder.Sql("""
                INSERT INTO enf_plan_months (org_unit_id, month, visits)
                SELECT "OrgUnitId", "Year" * 100 + "Month", COUNT(*) FROM enf_inspection_plans GROUP BY 1, 2;
                """);
            // enf_plan_months follows enf_inspection_plans whoever writes it (EF, raw SQL, COPY): statement-level triggers
            // with transition tables, so a COPY of millions of entries costs one grouped upsert. Deltas, not recounts:
            // concurrent writers only meet on the (department, month) rows they both change.
            migrationBuilder.Sql("""
                CREATE FUNCTION enf_plan_months_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO enf_plan_months (org_unit_id, month, visits)
                    SELECT "OrgUnitId", "Year" * 100 + "Month", COUNT(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
                    ON CONFLICT (org_unit_id, month) DO UPDATE SET visits = enf_plan_months.visits + EXCLUDED.visits;
                    RETURN NULL;
                END $$;
                CREATE FUNCTION enf_plan_months_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE enf_plan_months m SET visits = m.visits - d.n
                    FROM (SELECT "OrgUnitId" AS org_unit_id, "Year" * 100 + "Month" AS month, COUNT(*) AS n FROM old_rows GROUP BY 1, 2) d
                    WHERE m.org_unit_id = d.org_unit_id AND m.month = d.month;
                    RETURN NULL;
                END $$;
                CREATE FUNCTION enf_plan_months_update() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- Only entries moved to another department or month (joining a 联合检查 changes neither).
                    UPDATE enf_plan_months m SET visits = m.visits - d.n
                    FROM (SELECT o."OrgUnitId" AS org_unit_id, o."Year" * 100 + o."Month" AS month, COUNT(*) AS n
                          FROM old_rows o JOIN new_rows x ON x."Id" = o."Id"
                          WHERE o."OrgUnitId" <> x."OrgUnitId" OR o."Year" <> x."Year" OR o."Month" <> x."Month" GROUP BY 1, 2) d
                    WHERE m.org_unit_id = d.org_unit_id AND m.month = d.month;
                    INSERT INTO enf_plan_months (org_unit_id, month, visits)
                    SELECT x."OrgUnitId", x."Year" * 100 + x."Month", COUNT(*)
                    FROM old_rows o JOIN new_rows x ON x."Id" = o."Id"
                    WHERE o."OrgUnitId" <> x."OrgUnitId" OR o."Year" <> x."Year" OR o."Month" <> x."Month" GROUP BY 1, 2 ORDER BY 1, 2
                    ON CONFLICT (org_unit_id, month) DO UPDATE SET visits = enf_plan_months.visits + EXCLUDED.visits;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER enf_plan_months_insert AFTER INSERT ON enf_inspection_plans
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enf_plan_months_insert();
                CREATE TRIGGER enf_plan_months_delete AFTER DELETE ON enf_inspection_plans
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enf_plan_months_delete();
                CREATE TRIGGER enf_plan_months_update AFTER UPDATE ON enf_inspection_plans
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enf_plan_months_update();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS enf_plan_months_insert ON enf_inspection_plans;
                DROP TRIGGER IF EXISTS enf_plan_months_delete ON enf_inspection_plans;
                DROP TRIGGER IF EXISTS enf_plan_months_update ON enf_inspection_plans;
                DROP FUNCTION IF EXISTS enf_plan_months_insert();
                DROP FUNCTION IF EXISTS enf_plan_months_delete();
                DROP FUNCTION IF EXISTS enf_plan_months_update();
                """);
            migrationBuilder.AddColumn<string>(
                name: "training",
                table: "enf_officers",
                type: "jsonb",
                nullable: true);
            migrationBuilder.Sql("""
                UPDATE enf_officers o SET training = t.list
                FROM (SELECT officer_id, jsonb_agg(jsonb_build_object('Year', year, 'Hours', hours, 'ExamScore', exam_score, 'ExamPassed', exam_passed) ORDER BY year) AS list
                      FROM enf_officer_training GROUP BY officer_id) t
                WHERE t.officer_id = o."Id";
                UPDATE enf_officers SET training = '[]' WHERE training IS NULL;
                """);

            migrationBuilder.DropTable(
                name: "enf_officer_training");

            migrationBuilder.DropTable(
                name: "enf_plan_months");
        }
    }
}
