using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HotlineReceivedDrift : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The tickets whose id month is not their receipt month (受理时间 corrected by a re-send): a small partial
            // index on the partitioned parent (so on every partition), read by Modules/Hotline/Data/TicketPeriods so that
            // a period's reads prune the other months' partitions (ADR 0011). Not in the EF model (like the partitions).
            migrationBuilder.Sql("CREATE INDEX \"IX_hl_tickets_received_drift\" ON hl_tickets (received_at_utc) WHERE " +
                "id / 10000000000 <> date_part('year', received_at_utc AT TIME ZONE INTERVAL '+08:00') * 100 + date_part('month', received_at_utc AT TIME ZONE INTERVAL '+08:00');"); // = TicketPeriods.DriftedSql
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_hl_tickets_received_drift\";");
        }
    }
}
