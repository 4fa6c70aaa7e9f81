using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel;
using Fazhi.Web.Modules.Hotline.Data;
using Fazhi.Web.Modules.Hotline.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.IntegrationTests.Modules.Hotline;

/// <summary>PostgreSQL: hl_tickets partitioned by month on its id (ADR 0011). Tickets land in their first-receipt month's
/// partition through the ordinary push; the maintenance pass creates the months ahead and splits a month out of DEFAULT;
/// a re-send after the split is still idempotent.</summary>
public sealed class HotlinePartitionTestsOnPostgres(PostgresFactory app) : IClassFixture<PostgresFactory>
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task<T> Db<T>(Func<Fazhi.Web.Data.FazhiDb, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<Fazhi.Web.Data.FazhiDb>());
    }

    private static int MonthOf(DateTime china) => china.Year * 100 + china.Month;

    private static string At(DateTime china) => china.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private Task<List<string>> PartitionsAsync() => Db(db => db.Database.SqlQueryRaw<string>(
        "SELECT c.relname AS \"Value\" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'hl_tickets'::regclass ORDER BY 1").ToListAsync());

    private Task<string> PartitionOfAsync(string ticketNo) => Db(db => db.Database.SqlQuery<string>(
        $"SELECT tableoid::regclass::text AS \"Value\" FROM hl_tickets WHERE ticket_no = {ticketNo}").SingleAsync());

    private static async Task<JsonElement> PushAsync(HttpClient client, params object[] tickets)
    {
        var response = await client.PostAsJsonAsync("/api/v1/hotline/tickets", tickets);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static object Ticket(string no, DateTime receivedChina) => new
    {
        ticketNo = no, receivedAt = At(receivedChina), callerName = "李四", callerPhone = "13800005678", place = "鲸园街道海港社区新威路8号",
        text = "商铺店外经营占用人行道", field = "城管执法", department = "371002-ZHZF", status = "办理中",
    };

    [Fact]
    public async Task Tickets_land_in_their_months_partition_and_the_pass_creates_months_ahead_and_splits_the_default()
    {
        var now = ChinaTime.Now(TimeProvider.System);
        var thisMonth = MonthOf(now);

        // After the migration: a partitioned table (range on id), a DEFAULT partition, this month and next ones.
        (await Db(db => db.Database.SqlQueryRaw<string>(
            "SELECT p.partstrat::text AS \"Value\" FROM pg_partitioned_table p WHERE p.partrelid = 'hl_tickets'::regclass").SingleAsync())).ShouldBe("r");
        var before = await PartitionsAsync();
        before.ShouldContain(TicketPartitions.Default);
        before.ShouldContain(TicketPartitions.NameOf(thisMonth));
        before.ShouldContain(TicketPartitions.NameOf(TicketPartitions.AddMonths(thisMonth, 3)));
        before.ShouldContain(TicketPartitions.NameOf(TicketPartitions.AddMonths(thisMonth, -12)));
        // The indexes EF knows are on the partitioned parent (and so on every partition).
        (await Db(db => db.Database.SqlQueryRaw<string>(
            "SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'hl_tickets' ORDER BY 1").ToListAsync()))
            .ShouldBe(["IX_hl_tickets_caller_name_index", "IX_hl_tickets_caller_phone_index", "IX_hl_tickets_org_unit_id_received_at_utc",
                "IX_hl_tickets_received_drift", "IX_hl_tickets_ticket_no", "IX_hl_tickets_town_code_received_at_utc", "PK_hl_tickets"]);

        // Two months through the ordinary push, and one from long ago (before any partition): it goes to DEFAULT.
        var rx = await app.ApiAsAsync("admin");
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (recent, older, ancient) = ("P1" + tag, "P2" + tag, "P3" + tag);
        var olderAt = now.AddDays(-40);
        var ancientAt = now.AddMonths(-20);
        var pushed = await PushAsync(rx, Ticket(recent, now.AddHours(-2)), Ticket(older, olderAt), Ticket(ancient, ancientAt));
        pushed.GetProperty("created").GetInt32().ShouldBe(3, pushed.ToString());
        (await PartitionOfAsync(recent)).ShouldBe(TicketPartitions.NameOf(MonthOf(now.AddHours(-2))));
        (await PartitionOfAsync(older)).ShouldBe(TicketPartitions.NameOf(MonthOf(olderAt)));
        (await PartitionOfAsync(ancient)).ShouldBe(TicketPartitions.Default);

        // A read by month reads one partition (pruning on the id range).
        var lo = HotlineTicket.FirstIdOf(MonthOf(olderAt));
        var explain = $"EXPLAIN SELECT * FROM hl_tickets WHERE id >= {lo} AND id < {HotlineTicket.FirstIdOf(TicketPartitions.NextMonth(MonthOf(olderAt)))}";
        var plan = string.Join("\n", await Db(db => db.Database.SqlQueryRaw<string>(explain).ToListAsync()));
        plan.ShouldContain(TicketPartitions.NameOf(MonthOf(olderAt)));
        plan.ShouldNotContain(TicketPartitions.NameOf(thisMonth)); // 40 days ago is always another month
        plan.ShouldNotContain(TicketPartitions.Default);

        // The pass, five months on: last month to three ahead of then (four to eight from now) are created, the ancient month split out of DEFAULT.
        var later = DateTime.SpecifyKind(now.AddMonths(5).AddHours(-8), DateTimeKind.Utc);
        var pass = await Db(db => new TicketPartitions(db, new FixedClock(later)).EnsureAsync(CancellationToken.None));
        var expected = Enumerable.Range(4, 5).Select(k => TicketPartitions.NameOf(TicketPartitions.AddMonths(thisMonth, k))).Append(TicketPartitions.NameOf(MonthOf(ancientAt))).Order().ToList();
        pass.Created.Order().ShouldBe(expected);
        pass.RowsMoved.ShouldBe(1);
        (await PartitionOfAsync(ancient)).ShouldBe(TicketPartitions.NameOf(MonthOf(ancientAt)));
        (await PartitionsAsync()).ShouldContain(TicketPartitions.Default);
        (await Db(db => db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM {TicketPartitions.Default}").SingleAsync())).ShouldBe(0);

        // Idempotent: a second pass does nothing; the three re-sent after the split keep their ids (one changed).
        (await Db(db => new TicketPartitions(db, new FixedClock(later)).EnsureAsync(CancellationToken.None))).Created.ShouldBeEmpty();
        var again = await PushAsync(rx, Ticket(recent, now.AddHours(-2)), Ticket(older, olderAt), new
        {
            ticketNo = ancient, receivedAt = At(ancientAt), callerName = "李四", callerPhone = "13800005678", place = "鲸园街道海港社区新威路8号",
            text = "商铺店外经营占用人行道，仍未处理", field = "城管执法", department = "371002-ZHZF", status = "办理中",
        });
        (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()).ShouldBe((0, 1, 2));
        (await PartitionOfAsync(ancient)).ShouldBe(TicketPartitions.NameOf(MonthOf(ancientAt)));
        (await Db(db => db.HotlineTickets().IgnoreQueryFilters().CountAsync(t => t.TicketNo.EndsWith(tag)))).ShouldBe(3);
    }

    [Fact]
    public async Task A_period_reads_its_months_partitions_and_still_finds_a_ticket_whose_receipt_was_corrected_into_it()
    {
        var at = ChinaTime.Now(TimeProvider.System).AddMinutes(-5);
        var month = MonthOf(at);
        var first = new DateOnly(at.Year, at.Month, 1);
        var day = DateOnly.FromDateTime(at);
        var earlier = at.AddDays(-70); // two or three months before: another partition
        var rx = await app.ApiAsAsync("admin");
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (plain, corrected) = ("Q1" + tag, "Q2" + tag);
        (await PushAsync(rx, Ticket(plain, at), Ticket(corrected, earlier))).GetProperty("created").GetInt32().ShouldBe(2);
        // The centre re-sends the second with its 受理时间 corrected into this month: its id (and partition) stay.
        (await PushAsync(rx, Ticket(corrected, at))).GetProperty("updated").GetInt32().ShouldBe(1);
        (await PartitionOfAsync(corrected)).ShouldBe(TicketPartitions.NameOf(MonthOf(earlier)));

        async Task<int> ListedAsync(string no, DateOnly from, DateOnly to)
        {
            var page = await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets?q={no}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
            return page.GetProperty("total").GetInt32();
        }
        (await ListedAsync(plain, first, day)).ShouldBe(1);
        (await ListedAsync(corrected, first, day)).ShouldBe(1); // found outside the month's id range
        (await ListedAsync(corrected, DateOnly.FromDateTime(earlier), DateOnly.FromDateTime(earlier))).ShouldBe(0);
        (await ListedAsync(corrected, first.AddMonths(-6), day)).ShouldBe(1); // counted once when its id month is inside too

        // The plan: the period's id range reads this month's partition only; every other partition (and DEFAULT) is read
        // only through the small partial index of corrected tickets (index-only choices forced, the tables being tiny).
        var (fromUtc, toUtc) = (ChinaTime.StartOfDayUtc(first), ChinaTime.StartOfDayUtc(day.AddDays(1)));
        var sql = await Db(db => Task.FromResult(TicketPeriods.Received(db, fromUtc, toUtc).ToQueryString()));
        var plan = await Db(async db =>
        {
            var text = Inline(sql);
            await db.Database.OpenConnectionAsync();
            await using (var off = db.Database.GetDbConnection().CreateCommand())
            {
                off.CommandText = "SET enable_seqscan = off";
                await off.ExecuteNonQueryAsync();
            }
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "EXPLAIN " + text;
            var lines = new List<string>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lines.Add(reader.GetString(0));
            return lines;
        });
        var joined = string.Join("\n", plan);
        joined.ShouldContain(" on " + TicketPartitions.NameOf(month));
        var read = plan.Select(l => System.Text.RegularExpressions.Regex.Match(l, @" on (hl_tickets_(\d{6}|default)) ")).Where(m => m.Success)
            .Select(m => m.Groups[1].Value).Distinct().ToList();
        var others = read.Where(p => p != TicketPartitions.NameOf(month)).ToList();
        others.ShouldContain(TicketPartitions.NameOf(MonthOf(earlier)), joined);
        others.ShouldContain(TicketPartitions.Default, joined);
        foreach (var other in others)
        {
            joined.ShouldContain(other + "_received_at_utc_idx", customMessage: joined); // the corrected tickets' index
            joined.ShouldNotContain(other + "_org_unit_id", customMessage: joined);
            joined.ShouldNotContain(other + "_town_code", customMessage: joined);
            joined.ShouldNotContain("Seq Scan on " + other + " ", customMessage: joined);
        }
        joined.ShouldNotContain(TicketPartitions.NameOf(month) + "_received_at_utc_idx", customMessage: joined); // its month is not read twice
    }

    /// <summary>The SQL of <c>ToQueryString</c> with its parameters (listed as <c>-- @name='value'</c>) written in as literals.</summary>
    private static string Inline(string sql)
    {
        var lines = sql.Split('\n');
        var values = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^-- (@\w+)='(.*?)'( \(.*\))?\r?$")).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => "'" + m.Groups[2].Value + "'");
        var body = string.Join("\n", lines.Where(l => !l.StartsWith("--", StringComparison.Ordinal)));
        foreach (var (name, value) in values.OrderByDescending(v => v.Key.Length))
            body = body.Replace(name, value, StringComparison.Ordinal);
        return body;
    }
}
