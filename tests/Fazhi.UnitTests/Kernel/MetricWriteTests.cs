using Fazhi.Web.Kernel.Metrics;

namespace Fazhi.UnitTests.Kernel;

public sealed class MetricWriteTests
{
    [Theory]
    [InlineData("UPDATE \"sys_timers\" AS s SET \"State\" = @p0 WHERE s.\"Id\" = @p1", "sys_timers")]
    [InlineData("INSERT INTO enf_records (a, b) SELECT a, b FROM enf_staging", "enf_records")]
    [InlineData("DELETE FROM \"recon_cases\" WHERE \"Id\" = 5", "recon_cases")]
    [InlineData("MERGE INTO public.enf_records AS t USING s ON …", "enf_records")]
    [InlineData("INSERT OR REPLACE INTO recon_counters VALUES (1)", "recon_counters")]
    [InlineData("TRUNCATE TABLE enf_staging", "enf_staging")]
    public void A_raw_write_names_the_table_it_writes(string sql, string table) =>
        MetricWriteInterceptor.WrittenTables(sql).ShouldBe([table]);

    [Fact]
    public void Every_target_of_a_batch_is_named_once() =>
        MetricWriteInterceptor.WrittenTables("UPDATE a SET x = 1; INSERT INTO b VALUES (1); UPDATE a SET y = 2").ShouldBe(["a", "b"]);

    [Fact]
    public void A_read_writes_nothing() =>
        MetricWriteInterceptor.WrittenTables("SELECT count(*) FROM enf_records WHERE updated_on > @p0").ShouldBeEmpty();

    [Fact]
    public void A_write_whose_target_cannot_be_read_is_reported_as_unknown() =>
        MetricWriteInterceptor.WrittenTables("WITH x AS (SELECT 1) SELECT upsert_stuff() -- UPDATE").ShouldBeNull();
}
