using Fazhi.Web.Modules.Enforcement.Jobs;
using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Import;
using Fazhi.Web.Modules.Enforcement.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

// The ingestion and figures benchmark of the enforcement module (bench/README.md). One run: a province-scale
// synthetic year on PostgreSQL, pushed through the real HTTP endpoint, against a raw COPY baseline; then the cost of
// the warning rules, the latency of the figures and the daily sweep.

namespace Fazhi.Bench;

internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args is ["hotline", ..])
            return await HotlineBench.MainAsync(args[1..]);
        if (args is ["cipher", ..])
            return CipherBench.Run(args[1..]);
        var opts = BenchOptions.Parse(args);
        if (opts is null)
            return 64;
        var adminCs = Environment.GetEnvironmentVariable("FAZHI_TEST_PG");
        if (string.IsNullOrWhiteSpace(adminCs))
        {
            Console.Error.WriteLine("FAZHI_TEST_PG is not set: run `source scripts/pg-start.sh` first (it starts a throwaway PostgreSQL cluster).");
            return 2;
        }

        var today = DateOnly.FromDateTime(ChinaTime.Now(TimeProvider.System));
        var year = today.Year - 1; // the last whole year, so that no record lies in the future
        var summary = new Summary();
        Out.Line($"Fazhi enforcement benchmark — {opts.Districts} districts × {opts.RecordsPerDistrict:N0} records = {(long)opts.Districts * opts.RecordsPerDistrict:N0} records, " +
                 $"year {year}, seed {opts.Seed}, batches of ≤{opts.BatchSize:N0}, clients {string.Join('/', opts.Clients)}");
        Out.Line($"machine: {Environment.ProcessorCount} cores, load average at start {File.ReadAllText("/proc/loadavg").Trim()}; .NET {Environment.Version}");

        var database = "fazhi_bench_" + Guid.NewGuid().ToString("N")[..10];
        await using (var conn = new NpgsqlConnection(adminCs))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {database}", conn);
            await cmd.ExecuteNonQueryAsync();
            await using var version = new NpgsqlCommand("SHOW server_version", conn);
            Out.Line($"PostgreSQL {await version.ExecuteScalarAsync()}, database {database}");
        }
        var cs = new NpgsqlConnectionStringBuilder(adminCs) { Database = database, Pooling = true, MaxPoolSize = 50 }.ConnectionString;
        var dataDirectory = Directory.CreateTempSubdirectory("fazhi-bench-").FullName;
        const string adminPassword = "Bench-Chief-2025";
        var exit = 0;
        try
        {
            exit = await RunAsync();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(e);
            exit = 1;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (opts.KeepDb)
                Out.Line($"kept database {database} (--keep-db): drop it with DROP DATABASE {database};");
            else
            {
                await using var conn = new NpgsqlConnection(adminCs);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", conn);
                await cmd.ExecuteNonQueryAsync();
                Out.Line($"dropped database {database}");
            }
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
        return exit;

        async Task<int> RunAsync()
        {
            var total = Stopwatch.StartNew();
            var chunkBug = false;
            using var host = new BenchHost(cs, dataDirectory, adminPassword);
            var sw = Stopwatch.StartNew();
            host.Start();
            Out.Line($"host: Fazhi.Web on Kestrel at {host.BaseUrl} (Database:Provider=Postgres, timers off, no demo data), migrated in {sw.Elapsed.TotalSeconds:F1} s");

            // 1. The province.
            sw.Restart();
            var world = new World(opts.Seed, opts.Districts, opts.RecordsPerDistrict, opts.OfficersPerDistrict, year, today);
            await Seeder.OrgTreeAndCatalogueAsync(host.Services, world);
            var units = 2 + world.Cities.Count * 2 + world.Districts.Count * (2 + World.Kinds.Length);
            var itemCount = world.ProvinceItems.Sum(k => k.Count) + world.Districts.Sum(d => d.LocalItems.Count);
            int officers;
            await using (var conn = new NpgsqlConnection(cs))
            {
                await conn.OpenAsync();
                officers = await Seeder.OfficersAsync(conn, world);
            }
            Out.Line($"seeded {units:N0} org units ({world.Cities.Count} cities, {world.Districts.Count} districts, {world.Districts.Count * World.Kinds.Length:N0} departments), " +
                     $"{itemCount:N0} catalogue items, {officers:N0} officers in {sw.Elapsed.TotalSeconds:F1} s");

            // 2. The year's records: plans filed, the COPY baseline, and the NDJSON batches, district by district.
            sw.Restart();
            var batches = new List<Batch>();
            var injected = new Dictionary<string, int>();
            long records = 0, planRows = 0, bodyBytes = 0;
            double copySeconds = 0;
            var kinds = new long[4];
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            await using (var conn = new NpgsqlConnection(cs))
            {
                await conn.OpenAsync();
                await Exec(conn, Payload.BareTableDdl);
                foreach (var district in world.Districts)
                {
                    var (rows, plans) = RecordGenerator.Generate(world, district);
                    await Seeder.PlansAsync(conn, world, plans);
                    copySeconds += await Payload.CopyAsync(conn, rows, now);
                    foreach (var b in Payload.Batches(district, rows, opts.BatchSize))
                    {
                        batches.Add(b);
                        bodyBytes += b.Body.Length;
                    }
                    foreach (var r in rows)
                    {
                        kinds[(int)r.Kind]++;
                        if (r.Injected is { } rule)
                            injected[rule] = injected.GetValueOrDefault(rule) + 1;
                    }
                    records += rows.Count;
                    planRows += plans.Count;
                }
                await Exec(conn, $"DROP TABLE {Payload.BareTable}");
                foreach (var sql in new[] { "VACUUM ANALYZE enf_inspection_plans", "VACUUM ANALYZE enf_officers", "CHECKPOINT" })
                    await Exec(conn, sql);
            }
            var genSeconds = sw.Elapsed.TotalSeconds - copySeconds;
            Out.Line($"generated {records:N0} records ({Pct(kinds[0], records)} inspections, {Pct(kinds[1], records)} penalties, {Pct(kinds[2], records)} coercion), " +
                     $"{planRows:N0} plan entries, {batches.Count:N0} batches ({bodyBytes / 1048576.0:N0} MiB NDJSON, mean {records / (double)batches.Count:N0} records, " +
                     $"{batches.Count(b => b.Rows == opts.BatchSize)} full) in {genSeconds:F1} s");
            Out.Line($"  built to break a rule: {injected.Values.Sum():N0} records ({Pct(injected.Values.Sum(), records)}): " +
                     string.Join(", ", injected.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value:N0}")));
            var copyRate = records / copySeconds;
            Out.Line($"[b] COPY baseline: {records:N0} rows into a bare table in {copySeconds:F1} s = {copyRate:N0} rows/s");
            summary.Add("b. COPY baseline (bare table)", records, copySeconds, "Npgsql binary COPY, one COPY per district");

            // 3. HTTP ingestion.
            using var api = new Api(host.BaseUrl, adminPassword);
            var byDistrict = batches.GroupBy(b => b.District).Select(g => g.ToList()).ToList();
            batches.Clear();
            // Warm-up, not timed: the first district (JIT tiering, connection pools, caches), or one batch in a one-district run.
            var warmBatches = byDistrict.Count > 1 ? byDistrict[0] : [byDistrict[0][0]];
            if (byDistrict.Count > 1) byDistrict.RemoveAt(0); else byDistrict[0].RemoveAt(0);
            var warm = warmBatches.MaxBy(b => b.Rows)!;
            var warmOutcome = new BatchOutcome(null, 0, 0, 0, 0, null);
            sw.Restart();
            foreach (var b in warmBatches)
            {
                var o = await api.PostBatchAsync(b);
                warmOutcome = new BatchOutcome(null, warmOutcome.Accepted + o.Accepted, warmOutcome.Rejected + o.Rejected,
                    warmOutcome.WarningsRaised + o.WarningsRaised, warmOutcome.Ms + o.Ms, warmOutcome.FirstRejection ?? o.FirstRejection);
            }
            var warmRows = warmBatches.Sum(b => b.Rows);
            Out.Line($"warm-up ({warmBatches.Count} batches, {warmRows:N0} rows, not timed): {sw.Elapsed.TotalSeconds:F1} s, {warmOutcome.Rejected} rejected");
            if (warmOutcome.Rejected > 0)
                Out.Line($"  first rejection: {warmOutcome.FirstRejection}");

            // Each phase sends its districts' batches interleaved (district 1's first, district 2's first, …), and a
            // calibration with c clients takes c districts: at any moment the senders are departments from across the
            // province, as in production, rather than the departments of one district queueing behind each other on
            // the enterprises they all inspect (their batches are serialised by design; see RecordStore.LockForBatchAsync).
            static List<Batch> Interleave(IEnumerable<List<Batch>> districts)
            {
                var lists = districts.ToList();
                var result = new List<Batch>();
                for (var i = 0; lists.Any(l => i < l.Count); i++)
                    result.AddRange(lists.Where(l => i < l.Count).Select(l => l[i]));
                return result;
            }
            var rounds = Math.Clamp(byDistrict.Count / (2 * opts.Clients.Sum()), 1, opts.CalibrationRounds);
            var phases = new List<Phase>();
            var next = 0;
            for (var r = 0; r < rounds; r++)
                foreach (var c in opts.Clients)
                    if (next < byDistrict.Count)
                    {
                        var take = Math.Min(c, byDistrict.Count - next);
                        var phase = await RunPhaseAsync(api, c, Interleave(byDistrict.Skip(next).Take(take)), $"calibration d{next}–d{next + take - 1}");
                        phases.Add(phase);
                        next += take;
                    }
            var byClients = phases.GroupBy(p => p.Clients)
                .Select(g => (Clients: g.Key, Rows: g.Sum(p => p.Rows), Seconds: g.Sum(p => p.Seconds))).OrderBy(x => x.Clients).ToList();
            foreach (var (c, rows, seconds) in byClients)
                Out.Line($"[a] calibration, {c} client(s): {rows:N0} rows in {seconds:F1} s = {rows / seconds:N0} rows/s");
            var best = byClients.MaxBy(x => x.Rows / x.Seconds).Clients;
            if (next < byDistrict.Count)
            {
                Out.Line($"[a] main phase: {byDistrict.Count - next} districts with {best} client(s)…");
                phases.Add(await RunPhaseAsync(api, best, Interleave(byDistrict.Skip(next)), "main", progress: true));
            }
            var httpRows = phases.Sum(p => p.Rows);
            var httpSeconds = phases.Sum(p => p.Seconds);
            var bestRows = phases.Where(p => p.Clients == best).Sum(p => p.Rows);
            var bestSeconds = phases.Where(p => p.Clients == best).Sum(p => p.Seconds);
            var rejected = phases.Sum(p => p.Rejected) + warmOutcome.Rejected;
            var raised = phases.Sum(p => p.WarningsRaised) + warmOutcome.WarningsRaised;
            Out.Line($"[a] HTTP ingestion, all timed batches: {httpRows:N0} rows in {httpSeconds:F1} s = {httpRows / httpSeconds:N0} rows/s; " +
                     $"with {best} client(s) (best): {bestRows / bestSeconds:N0} rows/s; rejected {rejected}, warnings raised {raised:N0} ({Pct(raised, httpRows + warmRows)} of records)");
            foreach (var c in opts.Clients)
                summary.Add($"a. HTTP ingestion, {c} client(s)", phases.Where(p => p.Clients == c).Sum(p => p.Rows), phases.Where(p => p.Clients == c).Sum(p => p.Seconds),
                    c == best ? "best" : "");
            summary.Add("a. HTTP ingestion, whole run", httpRows, httpSeconds, $"ratio to COPY {httpRows / httpSeconds / copyRate:P1}; best {bestRows / bestSeconds / copyRate:P1} (goal ≥ 30%)");
            var all = phases.SelectMany(p => p.Latencies).ToList();
            var full = all.Where(l => l.Rows == opts.BatchSize).ToList();
            if (full.Count > 0)
                Out.Line($"    full batches ({opts.BatchSize:N0} rows): {full.Count}, latency median {Median(full.Select(l => l.Ms)):N0} ms, max {full.Max(l => l.Ms):N0} ms " +
                         $"→ {opts.BatchSize / (Median(full.Select(l => l.Ms)) / 1000):N0} rows/s per stream");
            var tenth = Math.Max(1, all.Count / 10);
            var ordered = all.OrderBy(l => l.Seq).ToList();
            Out.Line($"    first 10% of batches: {RatePerBatch(ordered.Take(tenth)):N0} rows/s of batch time; last 10%: {RatePerBatch(ordered.TakeLast(tenth)):N0} rows/s");
            var server = host.Timings.Batches.ToDictionary(t => t.BatchId);
            foreach (var c in opts.Clients)
            {
                var joined = all.Where(l => l.Clients == c && l.BatchId is { } id && server.ContainsKey(id)).Select(l => (l, s: server[l.BatchId!.Value])).ToList();
                var rowsServer = joined.Sum(j => j.l.Rows);
                if (rowsServer == 0)
                    continue;
                Out.Line($"    per 10,000 rows with {c} client(s): in the pipeline until merged (auth, upload, parse, checks, catalogue, lock wait, staging, merge) {joined.Sum(j => j.s.UntilMergedMs) / rowsServer * 10_000:N0} ms, " +
                         $"after (roll-up, rules, save, commit) {joined.Sum(j => j.s.TotalMs - j.s.UntilMergedMs) / rowsServer * 10_000:N0} ms, " +
                         $"outside the pipeline (sockets, Kestrel, client) {joined.Sum(j => j.l.Ms - j.s.TotalMs) / rowsServer * 10_000:N0} ms");
            }

            await using (var conn = new NpgsqlConnection(cs))
            {
                await conn.OpenAsync();
                var byRule = new List<string>();
                await using (var cmd = new NpgsqlCommand("""SELECT "RuleCode", count(*) FROM enf_warnings GROUP BY 1 ORDER BY 1""", conn))
                await using (var reader = await cmd.ExecuteReaderAsync())
                    while (await reader.ReadAsync())
                        byRule.Add($"{reader.GetString(0)} {reader.GetInt64(1):N0}");
                Out.Line($"    warnings by rule: {string.Join(", ", byRule)}");
                sw.Restart();
                await Exec(conn, "ANALYZE");
                Out.Line($"ANALYZE after ingestion (autovacuum would have): {sw.Elapsed.TotalSeconds:F1} s; database size {await Scalar(conn, $"SELECT pg_size_pretty(pg_database_size('{database}'))")}, " +
                         $"enf_records {await Scalar(conn, "SELECT pg_size_pretty(pg_total_relation_size('enf_records'))")}");
            }

            // c. Warning evaluation per 100,000 stored records, in a transaction that is rolled back.
            {
                using var scope = host.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<FazhiDb>();
                var count = await db.EnforcementRecords().IgnoreQueryFilters().CountAsync();
                var take = Math.Min(100_000, count);
                var ids = await db.EnforcementRecords().IgnoreQueryFilters().OrderBy(r => r.Id).Skip(Math.Max(0, count / 2 - take / 2)).Take(take).Select(r => r.Id).ToListAsync();
                foreach (var fresh in new[] { false, true })
                {
                    using var s = host.Services.CreateScope();
                    var sdb = s.ServiceProvider.GetRequiredService<FazhiDb>();
                    var engine = s.ServiceProvider.GetRequiredService<WarningEngine>();
                    await using var tx = await sdb.Database.BeginTransactionAsync();
                    var deleted = fresh
                        ? await sdb.Database.ExecuteSqlRawAsync("""DELETE FROM enf_warnings WHERE "RecordId" = ANY({0})""", [ids.ToArray()])
                        : 0;
                    double evalSeconds = 0, saveSeconds = 0;
                    var outcome = new WarningEngine.Outcome(0, 0);
                    foreach (var part in (long[][])[ids.ToArray()])
                    {
                        sw.Restart();
                        var o = await engine.EvaluateRecordsAsync(part, CancellationToken.None);
                        evalSeconds += sw.Elapsed.TotalSeconds;
                        sw.Restart();
                        await sdb.SaveChangesAsync();
                        saveSeconds += sw.Elapsed.TotalSeconds;
                        outcome = new WarningEngine.Outcome(outcome.Raised + o.Raised, outcome.Closed + o.Closed);
                    }
                    await tx.RollbackAsync();
                    var per100k = (evalSeconds + saveSeconds) * 1000 * 100_000 / take;
                    var label = fresh ? "c. Warning rules, 100k records, no warnings yet" : "c. Warning rules, 100k records, re-evaluated";
                    Out.Line($"[c] {label}: evaluate {evalSeconds * 1000:N0} ms + save {saveSeconds * 1000:N0} ms for {take:N0} records ({outcome.Raised:N0} raised" +
                             (fresh ? $", {deleted:N0} deleted first" : "") + $") = {per100k:N0} ms per 100k (rolled back)");
                    summary.Add(label, take, evalSeconds + saveSeconds, $"{per100k:N0} ms per 100k; {outcome.Raised:N0} raised");
                }
            }

            // d. Figures.
            var districtCode = world.Districts[0].Code;
            var statsCases = new[]
            {
                ("d. Figures, district-year", $"org={districtCode}&from={year}-01-01&to={year}-12-31", (long)opts.RecordsPerDistrict, 100.0),
                ("d. Figures, province-year", $"org={World.ProvinceCode}&from={year}-01-01&to={year}-12-31", records, 2000.0),
                ("d. Figures, district, partial months", $"org={districtCode}&from={year}-03-10&to={year}-06-20", -1L, 100.0),
            };
            foreach (var (label, query, expected, goal) in statsCases)
            {
                var (cold, body) = await api.GetAsync($"/api/v1/enforcement/stats?{query}");
                var counted = body.GetProperty("current").GetProperty("records").GetProperty("total").GetInt64();
                var times = new List<double>();
                for (var i = 0; i < opts.StatsRuns; i++)
                    times.Add((await api.GetAsync($"/api/v1/enforcement/stats?{query}")).Ms);
                var median = Median(times);
                var check = expected >= 0 && counted != expected ? $" MISMATCH: expected {expected:N0}" : "";
                Out.Line($"[d] {label} ({query}): counted {counted:N0} records{check}; first {cold:N0} ms, then median {median:N0} ms, max {times.Max():N0} ms over {times.Count} " +
                         $"(goal < {goal:N0} ms: {(median < goal ? "met" : "MISSED")})");
                summary.Add(label, counted, median / 1000, $"median {median:N0} ms, max {times.Max():N0} ms, first {cold:N0} ms; goal < {goal:N0} ms {(median < goal ? "met" : "MISSED")}");
            }

            // e. The daily sweep.
            {
                using var scope = host.Services.CreateScope();
                var sweep = scope.ServiceProvider.GetRequiredService<WarningSweep>();
                sw.Restart();
                var result = await sweep.RunAsync(CancellationToken.None);
                var seconds = sw.Elapsed.TotalSeconds;
                Out.Line($"[e] daily sweep over {records:N0} records: {seconds:F1} s — {result}");
                summary.Add("e. Daily sweep (WarningSweep.RunAsync)", records, seconds, $"{result.RecordsChecked:N0} records and {result.OfficersChecked:N0} certificates checked, {result.Raised:N0} raised");
            }

            // g. The server's work before the database, in process: parsing and checking the warm-up batch.
            {
                using var scope = host.Services.CreateScope();
                var ingestion = scope.ServiceProvider.GetRequiredService<RecordIngestion>();
                var options = scope.ServiceProvider.GetRequiredService<IOptions<EnforcementOptions>>().Value;
                var db = scope.ServiceProvider.GetRequiredService<FazhiDb>();
                var unit = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Code == warm.Department);
                double parseMs = 0, validateMs = 0, catalogueMs = 0;
                const int reps = 5;
                for (var i = 0; i < reps; i++)
                {
                    sw.Restart();
                    var (items, _) = await ingestion.ParseAsync(new MemoryStream(warm.Body), "application/x-ndjson", CancellationToken.None);
                    parseMs += sw.Elapsed.TotalMilliseconds;
                    sw.Restart();
                    var catalogue = await ingestion.CatalogueForAsync(unit, CancellationToken.None);
                    catalogueMs += sw.Elapsed.TotalMilliseconds;
                    sw.Restart();
                    foreach (var (_, input, _) in items)
                        RecordValidator.Check(input!, catalogue, unit.Code, today, options, out _);
                    validateMs += sw.Elapsed.TotalMilliseconds;
                }
                var per10k = 10_000.0 / warm.Rows / reps;
                Out.Line($"[g] in process, per 10,000 records: NDJSON parse {parseMs * per10k:N0} ms, checks {validateMs * per10k:N0} ms; catalogue load {catalogueMs / reps:N1} ms per batch");
            }

            // f. A check, not a measurement: a repeat inspection whose two visits are more than 2,000 records apart in one batch.
            foreach (var size in new[] { 2_000, 2_001 })
            {
                var batch = RecordGenerator.ChunkBoundaryBatch(world, size);
                try
                {
                    var o = await api.PostBatchAsync(batch);
                    Out.Line($"[f] chunk-boundary check, batch of {size:N0} with a repeat inspection at records 0 and {size - 1:N0}: accepted {o.Accepted:N0}, {o.WarningsRaised} warnings raised");
                }
                catch (InvalidOperationException e)
                {
                    chunkBug = true;
                    Out.Line($"[f] chunk-boundary check, batch of {size:N0} with a repeat inspection at records 0 and {size - 1:N0}: FAILED — {e.Message}");
                }
            }

            Out.Line("");
            summary.Print();
            Out.Line("");
            if (chunkBug)
                Out.Line("NOTE: a valid batch was refused (see [f]): WarningEngine adds a repeat-inspection warning twice when the two visits are in different chunks.");
            Out.Line($"whole run {total.Elapsed.TotalMinutes:F1} min. Reproduce with:");
            Out.Line($"  source scripts/pg-start.sh && dotnet run -c Release --project bench/Fazhi.Bench -- {opts.CommandLine}");
            return rejected == 0 ? 0 : 3;
        }

        async Task<Phase> RunPhaseAsync(Api api, int clients, List<Batch> work, string label, bool progress = false)
        {
            var queue = new ConcurrentQueue<Batch>(work);
            var latencies = new ConcurrentBag<Latency>();
            int rejected = 0, raised = 0;
            long done = 0;
            var firstRejections = new ConcurrentQueue<string>();
            var sw = Stopwatch.StartNew();
            using var cts = new CancellationTokenSource();
            var reporter = progress ? Task.Run(async () =>
            {
                var total = work.Sum(b => b.Rows);
                try
                {
                    while (true)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(60), cts.Token);
                        var rows = Interlocked.Read(ref done);
                        Out.Line($"    … {rows:N0}/{total:N0} rows, {sw.Elapsed.TotalSeconds:F0} s, {rows / sw.Elapsed.TotalSeconds:N0} rows/s");
                    }
                }
                catch (OperationCanceledException) { }
            }) : Task.CompletedTask;
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                while (queue.TryDequeue(out var b))
                {
                    var o = await api.PostBatchAsync(b);
                    latencies.Add(new Latency(Completion.Next(), b.Rows, o.Ms, clients, o.BatchId));
                    Interlocked.Add(ref rejected, o.Rejected);
                    Interlocked.Add(ref raised, o.WarningsRaised);
                    Interlocked.Add(ref done, o.Accepted);
                    if (o.FirstRejection is { } f && firstRejections.Count < 5)
                        firstRejections.Enqueue($"{b.Department}: {f}");
                }
            })));
            var seconds = sw.Elapsed.TotalSeconds;
            await cts.CancelAsync();
            await reporter;
            var rowsDone = work.Sum(b => b.Rows);
            if (!progress || rejected > 0)
                Out.Line($"    {label}: {clients} client(s), {work.Count} batches, {rowsDone:N0} rows in {seconds:F1} s = {rowsDone / seconds:N0} rows/s" +
                         (rejected > 0 ? $", {rejected} REJECTED" : ""));
            foreach (var f in firstRejections)
                Out.Line($"      rejected: {f}");
            return new Phase(clients, rowsDone, seconds, rejected, raised, [.. latencies]);
        }

        static async Task Exec(NpgsqlConnection conn, string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync();
        }

        static async Task<string> Scalar(NpgsqlConnection conn, string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
            return Convert.ToString(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
        }

        static string Pct(long part, long whole) => whole == 0 ? "0%" : (part / (double)whole).ToString("P2", CultureInfo.InvariantCulture);

        static double Median(IEnumerable<double> values)
        {
            var v = values.OrderBy(x => x).ToList();
            return v.Count == 0 ? 0 : v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
        }

        static double RatePerBatch(IEnumerable<Latency> latencies)
        {
            var l = latencies.ToList();
            return l.Sum(x => x.Rows) / (l.Sum(x => x.Ms) / 1000);
        }
    }
}

internal sealed record Phase(int Clients, long Rows, double Seconds, int Rejected, int WarningsRaised, List<Latency> Latencies);

internal sealed record Latency(long Seq, int Rows, double Ms, int Clients, long? BatchId);

/// <summary>The order in which batches completed, across phases.</summary>
internal static class Completion
{
    private static long _next;

    public static long Next() => Interlocked.Increment(ref _next);
}

internal static class Out
{
    private static readonly Lock Gate = new();

    public static void Line(string text)
    {
        lock (Gate)
            Console.WriteLine(text);
    }
}

internal sealed class Summary
{
    private readonly List<(string What, long Rows, double Seconds, string Note)> _rows = [];

    public void Add(string what, long rows, double seconds, string note) => _rows.Add((what, rows, seconds, note));

    public void Print()
    {
        Out.Line("| measurement | rows | seconds | rows/s | notes |");
        Out.Line("|---|---:|---:|---:|---|");
        foreach (var (what, rows, seconds, note) in _rows)
            Out.Line($"| {what} | {rows:N0} | {seconds:F3} | {(seconds > 0 ? rows / seconds : 0):N0} | {note} |");
    }
}

internal sealed record BenchOptions(int Districts, int RecordsPerDistrict, int OfficersPerDistrict, int Seed, int[] Clients, int CalibrationRounds,
    int StatsRuns, int BatchSize, bool KeepDb, string CommandLine)
{
    public static BenchOptions? Parse(string[] args)
    {
        int districts = 140, perDistrict = 36_000, officers = 1_430, seed = 2025, rounds = 5, statsRuns = 7, batch = 10_000;
        int[] clients = [1, 2, 4];
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--districts": districts = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--records-per-district": perDistrict = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--officers-per-district": officers = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--clients": clients = [.. Value().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--calibration-rounds": rounds = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--stats-runs": statsRuns = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--batch-size": batch = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--keep-db": keep = true; break;
                default:
                    Console.Error.WriteLine("""
                        usage: Fazhi.Bench [--districts 140] [--records-per-district 36000] [--officers-per-district 1430] [--seed 2025]
                                           [--clients 1,2,4] [--calibration-rounds 5] [--stats-runs 7] [--batch-size 10000] [--keep-db]
                        Needs FAZHI_TEST_PG (source scripts/pg-start.sh).
                        """);
                    return null;
            }
        }
        if (districts < 1 || perDistrict < 100 || batch is < 1 or > 10_000 || clients.Length == 0 || clients.Any(c => c < 1))
        {
            Console.Error.WriteLine("--districts ≥ 1, --records-per-district ≥ 100, --batch-size 1..10000, --clients ≥ 1");
            return null;
        }
        return new BenchOptions(districts, perDistrict, officers, seed, clients, rounds, statsRuns, batch, keep, string.Join(' ', args));
    }
}
