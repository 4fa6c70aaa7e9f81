using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.Web.Kernel;
using Fazhi.Web.Modules.Hotline.Features.Tickets;
using Fazhi.Web.Modules.Hotline.Features.Triage;
using Npgsql;
using NpgsqlTypes;

namespace Fazhi.Bench;

/// <summary>
/// 12345 热线 benchmark (<c>Fazhi.Bench hotline …</c>): N generated tickets of the last year pushed through
/// <c>POST /api/v1/hotline/tickets</c> as NDJSON batches (the real host on Kestrel, PostgreSQL), the same rows COPYed
/// into a bare table in the same run (the baseline), classification throughput (segmentation + the three naive Bayes
/// heads, in process), and the time of the dispute mining request over a district-year (环翠区) and the city-year (威海市).
/// </summary>
internal static class HotlineBench
{
    private sealed record Row(string No, DateTime ReceivedUtc, string Name, string Phone, string Place, string Text, string Field, string? Department,
        string StepsJson, int Steps);

    public static async Task<int> MainAsync(string[] args)
    {
        var tickets = 1_000_000;
        var district = 15_000;
        var batchSize = 5_000;
        var classify = 100_000;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--tickets": tickets = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--district-tickets": district = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--batch-size": batchSize = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--classify": classify = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("usage: Fazhi.Bench hotline [--tickets 1000000] [--district-tickets 15000] [--batch-size 5000] [--classify 100000]");
                    return 64;
            }
        }
        var adminCs = Environment.GetEnvironmentVariable("FAZHI_TEST_PG");
        if (string.IsNullOrWhiteSpace(adminCs))
        {
            Console.Error.WriteLine("FAZHI_TEST_PG is not set: run `source scripts/pg-start.sh` first.");
            return 2;
        }
        Out.Line($"Fazhi 12345 benchmark — {tickets:N0} tickets ({district:N0} in 环翠区, the rest in 荣成市), NDJSON batches of {batchSize:N0}");
        Out.Line($"machine: {Environment.ProcessorCount} cores, load average at start {File.ReadAllText("/proc/loadavg").Trim()}; .NET {Environment.Version}");
        var database = "fazhi_hlbench_" + Guid.NewGuid().ToString("N")[..10];
        await using (var conn = new NpgsqlConnection(adminCs))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {database}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(adminCs) { Database = database, Pooling = true, MaxPoolSize = 50 }.ConnectionString;
        var dataDirectory = Directory.CreateTempSubdirectory("fazhi-hlbench-").FullName;
        const string password = "Bench-Chief-2025";
        try
        {
            await using var host = new BenchHost(cs, dataDirectory, password, demoOrgs: true);
            var t0 = Stopwatch.GetTimestamp();
            host.Start();
            Out.Line($"host started in {Stopwatch.GetElapsedTime(t0).TotalSeconds:N1} s (migrations, demo org tree)");
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 4 }) { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromMinutes(30) };
            var signIn = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password })).Content.ReadFromJsonAsync<JsonElement>();
            var token = signIn.TryGetProperty("accessToken", out var at) ? at.GetString() : throw new InvalidOperationException($"sign-in refused: {signIn}");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            var rows = Generate(tickets, district);
            Out.Line($"generated {rows.Count:N0} tickets");

            // a. HTTP ingestion.
            var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
            var bodies = new List<byte[]>();
            foreach (var chunk in rows.Chunk(batchSize))
            {
                var sb = new StringBuilder(chunk.Length * 400);
                foreach (var r in chunk)
                    sb.Append(JsonSerializer.Serialize(new
                    {
                        ticketNo = r.No, receivedAt = ChinaTime.Format(r.ReceivedUtc), callerName = r.Name, callerPhone = r.Phone, place = r.Place, text = r.Text,
                        field = r.Field, department = r.Department, reassignments = JsonSerializer.Deserialize<JsonElement>(r.StepsJson), status = "已办结", satisfaction = "满意",
                    }, json)).Append('\n');
                bodies.Add(Encoding.UTF8.GetBytes(sb.ToString()));
            }
            Out.Line($"prepared {bodies.Count:N0} NDJSON batches ({bodies.Sum(b => (long)b.Length) / 1048576.0:N0} MB; not timed)");
            // Per-stage server time (TicketIngestionMetrics), summed over the timed batches.
            var stageMs = new System.Collections.Concurrent.ConcurrentDictionary<string, double>();
            using var listener = new System.Diagnostics.Metrics.MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TicketIngestionMetrics.MeterName && instrument.Name == TicketIngestionMetrics.InstrumentName)
                    l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<double>((_, ms, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag.Key == "stage" && tag.Value is string stage)
                        stageMs.AddOrUpdate(stage, ms, (_, sum) => sum + ms);
            });
            listener.Start();
            var sent = 0;
            var rejected = 0;
            var httpWatch = Stopwatch.StartNew();
            var latencies = new List<double>();
            foreach (var batch in bodies)
            {
                using var content = new ByteArrayContent(batch);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson") { CharSet = "utf-8" };
                var b0 = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("/api/v1/hotline/tickets", content);
                latencies.Add(Stopwatch.GetElapsedTime(b0).TotalMilliseconds);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"batch refused: {(int)response.StatusCode} {body}");
                sent += body.GetProperty("accepted").GetInt32();
                var bad = body.GetProperty("rejected");
                if (rejected == 0 && bad.GetArrayLength() > 0)
                    Out.Line($"  first rejection: {bad[0]}");
                rejected += bad.GetArrayLength();
                if (sent % 100_000 < batchSize)
                    Out.Line($"  {sent:N0} tickets in {httpWatch.Elapsed.TotalSeconds:N0} s");
            }
            httpWatch.Stop();
            listener.Dispose();
            var httpRate = sent / httpWatch.Elapsed.TotalSeconds;
            latencies.Sort();
            Out.Line($"a. HTTP ingestion: {sent:N0} accepted, {rejected:N0} rejected in {httpWatch.Elapsed.TotalSeconds:N1} s = {httpRate:N0} tickets/s; batch latency median {latencies[latencies.Count / 2]:N0} ms, max {latencies[^1]:N0} ms");
            Out.Line($"   server stages (sum over {bodies.Count:N0} batches; load average now {File.ReadAllText("/proc/loadavg").Trim()}):");
            var wallMs = httpWatch.Elapsed.TotalMilliseconds;
            foreach (var stage in TicketIngestionMetrics.Stages)
            {
                var ms = stageMs.GetValueOrDefault(stage);
                Out.Line($"     {stage,-12} {ms / 1000,8:N2} s  {ms / wallMs,6:P1}  {ms * 1000 / Math.Max(1, sent),7:N1} µs/ticket");
            }
            var staged = stageMs.Values.Sum();
            Out.Line($"     {"(other)",-12} {(wallMs - staged) / 1000,8:N2} s  {(wallMs - staged) / wallMs,6:P1}  (HTTP, auth, routing, serialising the answer, client)");

            // b. COPY of the same rows into a bare table with hl_tickets' columns (no key, index or encryption).
            await using (var conn = new NpgsqlConnection(cs))
            {
                await conn.OpenAsync();
                await using (var create = new NpgsqlCommand("""
                    CREATE UNLOGGED TABLE IF NOT EXISTS bench_hl_copy (id bigint, org_unit_id int, ticket_no text, received_at_utc timestamptz, caller_name text,
                      caller_phone text, place text, town_code text, community text, text text, centre_field text, department_code text, reassignments_json text,
                      reassignments int, bounces int, status text, satisfaction text, batch_id bigint, first_received_at_utc timestamptz, updated_at_utc timestamp)
                    """, conn))
                    await create.ExecuteNonQueryAsync();
                var copyWatch = Stopwatch.StartNew();
                await using (var writer = await conn.BeginBinaryImportAsync("COPY bench_hl_copy FROM STDIN (FORMAT BINARY)"))
                {
                    long id = 0;
                    foreach (var r in rows)
                    {
                        await writer.StartRowAsync();
                        await writer.WriteAsync(++id, NpgsqlDbType.Bigint);
                        await writer.WriteAsync(1, NpgsqlDbType.Integer);
                        await writer.WriteAsync(r.No, NpgsqlDbType.Text);
                        await writer.WriteAsync(r.ReceivedUtc, NpgsqlDbType.TimestampTz);
                        await writer.WriteAsync(r.Name, NpgsqlDbType.Text);
                        await writer.WriteAsync(r.Phone, NpgsqlDbType.Text);
                        await writer.WriteAsync(r.Place, NpgsqlDbType.Text);
                        await writer.WriteAsync("371002001", NpgsqlDbType.Text);
                        await writer.WriteNullAsync();
                        await writer.WriteAsync(r.Text, NpgsqlDbType.Text);
                        await writer.WriteAsync(r.Field, NpgsqlDbType.Text);
                        if (r.Department is null)
                            await writer.WriteNullAsync();
                        else
                            await writer.WriteAsync(r.Department, NpgsqlDbType.Text);
                        await writer.WriteAsync(r.StepsJson, NpgsqlDbType.Text);
                        await writer.WriteAsync(r.Steps, NpgsqlDbType.Integer);
                        await writer.WriteAsync(r.Steps > 0 ? 1 : 0, NpgsqlDbType.Integer);
                        await writer.WriteAsync("已办结", NpgsqlDbType.Text);
                        await writer.WriteAsync("满意", NpgsqlDbType.Text);
                        await writer.WriteAsync(1L, NpgsqlDbType.Bigint);
                        await writer.WriteAsync(r.ReceivedUtc, NpgsqlDbType.TimestampTz);
                        await writer.WriteAsync(r.ReceivedUtc, NpgsqlDbType.TimestampTz);
                    }
                    await writer.CompleteAsync();
                }
                copyWatch.Stop();
                var copyRate = rows.Count / copyWatch.Elapsed.TotalSeconds;
                Out.Line($"b. COPY baseline: {rows.Count:N0} rows in {copyWatch.Elapsed.TotalSeconds:N1} s = {copyRate:N0} rows/s; HTTP ÷ COPY = {httpRate / copyRate:P1}");
            }

            // c. Classification throughput: train on 10,000 generated labelled tickets, classify `classify` texts.
            var seg = new Segmenter();
            var labelled = TriageVocabulary.Generate(3, 10_000).Select(x => new LabelledExample(seg.Words(x.Text), x.Enforcement, x.Field, x.Field)).ToList();
            var heads = TriageTraining.Train(labelled);
            var texts = TriageVocabulary.Generate(4, classify).Select(x => x.Text).ToList();
            var cw = Stopwatch.StartNew();
            var enforcementYes = 0;
            foreach (var text in texts)
            {
                var words = seg.Words(text);
                if (heads.Enforcement.Rank(words)[0].Label == TriageTraining.Yes)
                    enforcementYes++;
                _ = heads.Field.Rank(words);
                _ = heads.Department.Rank(words);
            }
            cw.Stop();
            Out.Line($"c. classification: {texts.Count:N0} tickets (segment + 3 heads) in {cw.Elapsed.TotalSeconds:N1} s = {texts.Count / cw.Elapsed.TotalSeconds:N0} tickets/s ({enforcementYes:N0} judged enforcement)");

            // d. Dispute mining over a district-year and the city-year (the request the 会商 list makes).
            var today = DateOnly.FromDateTime(ChinaTime.Now(TimeProvider.System));
            foreach (var (org, label) in new[] { ("371002", "district-year 环翠区"), ("371000", "city-year 威海市") })
            {
                var m0 = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync($"/api/v1/hotline/disputes?org={org}&from={today.AddDays(-365):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                var ms = Stopwatch.GetElapsedTime(m0).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"mining refused: {(int)response.StatusCode} {body}");
                Out.Line($"d. clustering {label}: {body.GetProperty("total").GetInt32():N0} clusters in {ms / 1000:N1} s");
            }

            // e. Reads of one month (last month): the ticket list's first page with its total, and mining the month, median
            // of 5 after one untimed call. On PostgreSQL these are the reads partition pruning can shorten (ADR 0011).
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            var last = first.AddMonths(1).AddDays(-1);
            foreach (var (what, url) in new[]
            {
                ("list, month 环翠区", $"/api/v1/hotline/tickets?org=371002&from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}&page=1&size=20"),
                ("list, month 威海市", $"/api/v1/hotline/tickets?org=371000&from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}&page=1&size=20"),
                ("list, month 威海市 search", $"/api/v1/hotline/tickets?org=371000&from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}&q=13800000000&page=1&size=20"),
                ("mining, month 环翠区", $"/api/v1/hotline/disputes?org=371002&from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}"),
                ("mining, month 威海市", $"/api/v1/hotline/disputes?org=371000&from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}"),
            })
            {
                var times = new List<double>();
                var total = 0;
                for (var run = 0; run < 6; run++)
                {
                    var m0 = Stopwatch.GetTimestamp();
                    using var response = await http.GetAsync(url);
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    var ms = Stopwatch.GetElapsedTime(m0).TotalMilliseconds;
                    if (!response.IsSuccessStatusCode)
                        throw new InvalidOperationException($"{what} refused: {(int)response.StatusCode} {body}");
                    total = body.GetProperty("total").GetInt32();
                    if (run > 0)
                        times.Add(ms);
                }
                times.Sort();
                Out.Line($"e. {what} ({first:yyyy-MM}): total {total:N0}; median {times[times.Count / 2]:N0} ms, max {times[^1]:N0} ms");
            }
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(adminCs);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

#pragma warning disable CA5394 // a fixed, reproducible sequence is the point
    private static List<Row> Generate(int count, int inDistrict)
    {
        var rng = new Random(17);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1);
        string[] hcTowns = ["鲸园街道", "环翠楼街道", "竹岛街道"], rcTowns = ["崖头街道", "俚岛镇"];
        string[] communities = ["海港社区", "古寨社区", "河北社区", "新威社区", "塔山社区", "东山社区", "西苑社区", "北山社区"];
        var rows = new List<Row>(count);
        var n = 0;
        foreach (var (text, enforcement, field) in TriageVocabulary.Generate(29, count))
        {
            var hc = n < inDistrict;
            var prefix = hc ? "371002-" : "371082-";
            var dept = field is null ? null : prefix + (TriageVocabulary.DepartmentOfField[field] == "STHJ" && !hc ? "ZHZF" : TriageVocabulary.DepartmentOfField[field]);
            var received = now.AddMinutes(-rng.Next(60, 364 * 24 * 60));
            var steps = "[]";
            var stepCount = 0;
            if (dept is not null && rng.NextDouble() < 0.1)
            {
                var other = dept.EndsWith("ZHZF", StringComparison.Ordinal) ? prefix + "SCJG" : prefix + "ZHZF";
                steps = $"[{{\"at\":\"{ChinaTime.Format(received.AddHours(2))}\",\"to\":\"{other}\",\"kind\":\"转办\"}},{{\"at\":\"{ChinaTime.Format(received.AddHours(20))}\",\"from\":\"{other}\",\"kind\":\"退单\",\"reason\":\"不属于本单位职责\"}},{{\"at\":\"{ChinaTime.Format(received.AddHours(26))}\",\"to\":\"{dept}\",\"kind\":\"改派\"}}]";
                stepCount = 3;
            }
            var towns = hc ? hcTowns : rcTowns;
            rows.Add(new Row($"B{received:yyMM}{++n:0000000}", received, "王" + "伟芳娜敏静丽强磊军洋"[rng.Next(10)], $"13{rng.Next(100000000, 999999999)}",
                $"{towns[rng.Next(towns.Length)]}{communities[rng.Next(communities.Length)]}{rng.Next(1, 300)}号", text,
                enforcement ? "城管执法" : "民生服务", dept, steps, stepCount));
            _ = enforcement;
        }
        return rows;
    }
#pragma warning restore CA5394
}
