using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HotlinePartitions : Migration
    {
        // hl_tickets partitioned by month on its id (ADR 0011): the parent with the same columns and primary key, a DEFAULT
        // partition, a partition for every month in the data and for the 12 months before and 3 after this one (China
        // time; Jobs/PartitionJob keeps them ahead), the rows moved, EF's indexes recreated on the parent under their EF
        // names. The EF model is unchanged. PostgreSQL only: SQLite keeps one table (its migration is empty).
        private const string Partition = """
            ALTER TABLE hl_tickets RENAME TO hl_tickets_unpartitioned;
            ALTER TABLE hl_tickets_unpartitioned RENAME CONSTRAINT "PK_hl_tickets" TO "PK_hl_tickets_unpartitioned";
            DROP INDEX "IX_hl_tickets_caller_name_index";
            DROP INDEX "IX_hl_tickets_caller_phone_index";
            DROP INDEX "IX_hl_tickets_org_unit_id_received_at_utc";
            DROP INDEX "IX_hl_tickets_ticket_no";
            DROP INDEX "IX_hl_tickets_town_code_received_at_utc";
            CREATE TABLE hl_tickets (LIKE hl_tickets_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE) PARTITION BY RANGE (id);
            ALTER TABLE hl_tickets ADD CONSTRAINT "PK_hl_tickets" PRIMARY KEY (id);
            CREATE TABLE hl_tickets_default PARTITION OF hl_tickets DEFAULT;
            DO $$
            DECLARE m int; nxt int;
            BEGIN
              FOR m IN
                SELECT DISTINCT x FROM (
                  SELECT (id / 10000000000)::int AS x FROM hl_tickets_unpartitioned
                  UNION SELECT to_char(date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') + make_interval(months => k), 'YYYYMM')::int
                  FROM generate_series(-12, 3) AS k) months
                WHERE x BETWEEN 190001 AND 299912 AND x % 100 BETWEEN 1 AND 12
              LOOP
                nxt := CASE WHEN m % 100 = 12 THEN (m / 100 + 1) * 100 + 1 ELSE m + 1 END;
                EXECUTE format('CREATE TABLE %I PARTITION OF hl_tickets FOR VALUES FROM (%s) TO (%s)', 'hl_tickets_' || m, m::bigint * 10000000000, nxt::bigint * 10000000000);
              END LOOP;
            END $$;
            INSERT INTO hl_tickets SELECT * FROM hl_tickets_unpartitioned;
            DROP TABLE hl_tickets_unpartitioned;
            CREATE INDEX "IX_hl_tickets_caller_name_index" ON hl_tickets (caller_name_index) WHERE caller_name_index IS NOT NULL;
            CREATE INDEX "IX_hl_tickets_caller_phone_index" ON hl_tickets (caller_phone_index) WHERE caller_phone_index IS NOT NULL;
            CREATE INDEX "IX_hl_tickets_org_unit_id_received_at_utc" ON hl_tickets (org_unit_id, received_at_utc);
            CREATE INDEX "IX_hl_tickets_ticket_no" ON hl_tickets (ticket_no);
            CREATE INDEX "IX_hl_tickets_town_code_received_at_utc" ON hl_tickets (town_code, received_at_utc);
            ANALYZE hl_tickets;
            """;

        // Back to one table: the same columns, key and indexes, the rows of every partition.
        private const string Unpartition = """
            ALTER TABLE hl_tickets RENAME TO hl_tickets_partitioned;
            ALTER TABLE hl_tickets_partitioned RENAME CONSTRAINT "PK_hl_tickets" TO "PK_hl_tickets_partitioned";
            DROP INDEX "IX_hl_tickets_caller_name_index";
            DROP INDEX "IX_hl_tickets_caller_phone_index";
            DROP INDEX "IX_hl_tickets_org_unit_id_received_at_utc";
            DROP INDEX "IX_hl_tickets_ticket_no";
            DROP INDEX "IX_hl_tickets_town_code_received_at_utc";
            CREATE TABLE hl_tickets (LIKE hl_tickets_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE);
            ALTER TABLE hl_tickets ADD CONSTRAINT "PK_hl_tickets" PRIMARY KEY (id);
            INSERT INTO hl_tickets SELECT * FROM hl_tickets_partitioned;
            DROP TABLE hl_tickets_partitioned;
            CREATE INDEX "IX_hl_tickets_caller_name_index" ON hl_tickets (caller_name_index) WHERE caller_name_index IS NOT NULL;
            CREATE INDEX "IX_hl_tickets_caller_phone_index" ON hl_tickets (caller_phone_index) WHERE caller_phone_index IS NOT NULL;
            CREATE INDEX "IX_hl_tickets_org_unit_id_received_at_utc" ON hl_tickets (org_unit_id, received_at_utc);
            CREATE INDEX "IX_hl_tickets_ticket_no" ON hl_tickets (ticket_no);
            CREATE INDEX "IX_hl_tickets_town_code_received_at_utc" ON hl_tickets (town_code, received_at_utc);
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Partition);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Unpartition);
        }
    }
}
