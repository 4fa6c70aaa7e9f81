using Fazhi.Web.Modules.Enforcement.Domain;

namespace Fazhi.Bench;

/// <summary>A generated record: what the department sends (JSON) and, derived from it, the row the platform stores.</summary>
internal sealed class GenRecord
{
    public required Department Department { get; init; }
    public required string SourceId { get; init; }
    public RecordKind Kind { get; set; }
    public required ItemSpec Item { get; set; }
    public string TargetName { get; set; } = "";
    public string? CreditCode { get; set; }
    public string? IdNumber { get; set; }
    public List<string> Officers { get; set; } = [];
    public DateOnly OpenedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public long? AmountYuan { get; set; }
    public string? Circumstance { get; set; }
    public bool LegalReviewDone { get; set; }
    public bool Major { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public bool Lenient { get; set; }
    /// <summary>The rule this record was built to break (for the expected-warnings tally), or null.</summary>
    public string? Injected { get; set; }

    public DateOnly CountedOn => DecidedOn ?? OpenedOn;
}

internal sealed record PlanRow(int DepartmentId, string CreditCode, string TargetName, int Month, string Items);

/// <summary>One district's year: ≈96% inspections, 3% penalties, 1% coercive measures, and a small share of records
/// built to break one rule each (≈1.5–2% in all), so that the warning engine has realistic work.</summary>
internal static class RecordGenerator
{
    // Shares of all records (or of the kind named) that are made to break a rule.
    private const double SingleOfficer = 0.004;    // ZF02
    private const double UnknownCertificate = 0.001; // ZF01 (not registered)
    private const double LapsedCertificate = 0.001;  // ZF01 (expired or revoked on the day)
    private const double RepeatInspection = 0.003; // ZF07, of inspections
    private const double Unplanned = 0.005;        // ZF08, of enterprise inspections
    private const double EnterpriseShare = 0.65;   // of inspections; the rest inspect persons (个体、自然人)

    public static (List<GenRecord> Records, List<PlanRow> Plans) Generate(World world, District district)
    {
        var rng = new Random(World.Mix(world.Seed, district.Index, 2));
        var year = world.Year;
        var jan1 = new DateOnly(year, 1, 1);
        var n = world.RecordsPerDistrict;
        var counts = district.Departments.Select(d => (int)Math.Round(n * d.Share)).ToArray();
        counts[0] += n - counts.Sum();

        var records = new List<GenRecord>(n);
        var enterpriseInspections = new List<GenRecord>();
        for (var di = 0; di < district.Departments.Count; di++)
        {
            var dept = district.Departments[di];
            var items = world.ProvinceItems[dept.KindIndex];
            for (var i = 0; i < counts[di]; i++)
            {
                var u = rng.NextDouble();
                var kind = u < 0.96 ? RecordKind.Inspection : u < 0.99 ? RecordKind.Penalty : RecordKind.Coercion;
                var item = dept.KindIndex == 1 && rng.Next(50) == 0 ? district.LocalItems[rng.Next(district.LocalItems.Count)] : items[rng.Next(items.Count)];
                var r = new GenRecord { Department = dept, SourceId = $"{dept.Code}-{year}-{i + 1:000000}", Kind = kind, Item = item };
                r.Officers = PickOfficers(rng, dept, rng.NextDouble() < 0.85 ? 2 : 3);
                switch (kind)
                {
                    case RecordKind.Inspection:
                        if (rng.NextDouble() < EnterpriseShare)
                            enterpriseInspections.Add(r); // target and date from the visit schedule below
                        else
                        {
                            SetPerson(rng, r, district);
                            r.OpenedOn = jan1.AddDays(rng.Next(DaysIn(year)));
                            r.ClosedOn = r.OpenedOn;
                        }
                        break;
                    case RecordKind.Penalty:
                        SetAnyTarget(rng, r, district, n);
                        MakePenalty(rng, r, year);
                        break;
                    default:
                        SetAnyTarget(rng, r, district, n);
                        r.OpenedOn = jan1.AddDays(rng.Next(DaysIn(year) - 12));
                        r.DecidedOn = r.OpenedOn.AddDays(rng.Next(3));
                        r.ClosedOn = r.DecidedOn.Value.AddDays(1 + rng.Next(9));
                        break;
                }
                records.Add(r);
            }
        }

        var plans = ScheduleVisits(rng, world, district, enterpriseInspections);

        // Officer anomalies, applied last so that they never meet another anomaly on the same record.
        foreach (var r in records)
        {
            if (r.Injected is not null)
                continue;
            var u = rng.NextDouble();
            if (u < SingleOfficer)
            {
                r.Officers = [r.Officers[0]];
                r.Injected = "ZF02";
            }
            else if (u < SingleOfficer + UnknownCertificate)
            {
                r.Officers[^1] = $"{district.Code}99{rng.Next(10_000):0000}"; // never registered
                r.Injected = "ZF01";
            }
            else if (u < SingleOfficer + UnknownCertificate + LapsedCertificate && r.Kind == RecordKind.Inspection && r.CreditCode is null &&
                     r.Department.Lapsing.Count > 0)
            {
                var (number, invalidFrom) = r.Department.Lapsing[rng.Next(r.Department.Lapsing.Count)];
                if (invalidFrom.Year == year && invalidFrom < new DateOnly(year, 12, 1))
                {
                    r.Officers[^1] = number;
                    r.OpenedOn = invalidFrom.AddDays(rng.Next(30));
                    r.ClosedOn = r.OpenedOn;
                    r.Injected = "ZF01";
                }
            }
        }
        return (records, plans);
    }

    private static int DaysIn(int year) => DateTime.IsLeapYear(year) ? 366 : 365;

    private static List<string> PickOfficers(Random rng, Department dept, int count)
    {
        var picked = new List<string>(count);
        while (picked.Count < Math.Min(count, dept.Valid.Count))
        {
            var c = dept.Valid[rng.Next(dept.Valid.Count)];
            if (!picked.Contains(c))
                picked.Add(c);
        }
        return picked;
    }

    private static int EnterprisesOf(int recordsPerDistrict) => Math.Max(50, (int)(recordsPerDistrict * 0.96 * EnterpriseShare / 2));

    private static void SetPerson(Random rng, GenRecord r, District district)
    {
        r.TargetName = Names.Person(rng);
        r.IdNumber = rng.NextDouble() < 0.7 ? Names.IdNumber(rng, district.Code, 1950, 2005) : null;
    }

    private static void SetAnyTarget(Random rng, GenRecord r, District district, int recordsPerDistrict)
    {
        if (rng.NextDouble() < 0.7)
        {
            var e = rng.Next(EnterprisesOf(recordsPerDistrict));
            r.CreditCode = Names.CreditCode(district.Code, district.Index, e);
            r.TargetName = EnterpriseName(district, e);
        }
        else
            SetPerson(rng, r, district);
    }

    /// <summary>Enterprise names are a function of the enterprise, so every department names it alike.</summary>
    private static string EnterpriseName(District district, int e) => Names.Enterprise(new Random(World.Mix(district.Index, e, 3)), district.Name);

    private static void MakePenalty(Random rng, GenRecord r, int year)
    {
        var jan1 = new DateOnly(year, 1, 1);
        r.OpenedOn = jan1.AddDays(rng.Next(DaysIn(year) - 135));
        r.DecidedOn = r.OpenedOn.AddDays(7 + rng.Next(74));
        var level = rng.NextDouble() switch { < 0.20 => 0, < 0.85 => 1, _ => 2 };
        r.Circumstance = ItemSpec.Levels[level];
        var (min, max) = r.Item.Range(level);
        r.AmountYuan = RoundTo100(min + (long)(rng.NextDouble() * (max - min)), min, max);
        if (rng.NextDouble() < 0.05)
        {
            r.Lenient = true; // 减轻处罚: below the range is allowed
            r.AmountYuan = min / 2 / 100 * 100;
        }
        r.Major = level == 2 || r.AmountYuan >= 100_000;
        r.LegalReviewDone = r.Major || rng.NextDouble() < 0.3;
        r.PublishedOn = r.DecidedOn.Value.AddDays(rng.Next(5)); // 5 calendar days are always within 7 working days
        r.ClosedOn = r.DecidedOn.Value.AddDays(rng.Next(31));

        var u = rng.NextDouble();
        if (u < 0.04)
        {
            r.AmountYuan = max * 3 / 2; // ZF04 超裁量基准
            r.Lenient = false;
            r.Major = r.AmountYuan >= 100_000 || r.Major;
            r.LegalReviewDone = true;
            r.Injected = "ZF04";
        }
        else if (u < 0.06)
        {
            r.Major = true; // ZF05 重大处罚未经法制审核
            r.LegalReviewDone = false;
            r.Injected = "ZF05";
        }
        else if (u < 0.09)
        {
            r.PublishedOn = r.DecidedOn.Value.AddDays(20 + rng.Next(20)); // ZF06 late
            r.Injected = "ZF06";
        }
        else if (u < 0.10)
        {
            r.PublishedOn = null; // ZF06 never published
            r.Injected = "ZF06";
        }
        else if (u < 0.12)
        {
            r.DecidedOn = r.OpenedOn.AddDays(95 + rng.Next(35)); // ZF03 超期
            r.PublishedOn = r.DecidedOn.Value.AddDays(rng.Next(5));
            r.ClosedOn = r.DecidedOn.Value.AddDays(rng.Next(31));
            r.Injected = "ZF03";
        }
    }

    private static long RoundTo100(long v, long min, long max) => Math.Clamp((v + 50) / 100 * 100, min, max);

    /// <summary>
    /// Gives each enterprise inspection an enterprise and a day such that no enterprise is visited twice within 30 days
    /// (an enterprise is visited only in odd months or only in even ones, on days 1–28, so two visits are ≥ 31 days
    /// apart), and files the plan entry for it. Then turns a few visits into repeats and a few into unplanned ones.
    /// </summary>
    private static List<PlanRow> ScheduleVisits(Random rng, World world, District district, List<GenRecord> visits)
    {
        var year = world.Year;
        var enterprises = EnterprisesOf(world.RecordsPerDistrict);
        // Visit order is random, so which department visits an enterprise is too.
        var order = visits.OrderBy(_ => rng.Next()).ToList();
        var months = new Dictionary<int, int[]>();
        var plans = new Dictionary<(int, string, int), PlanRow>();
        for (var i = 0; i < order.Count; i++)
        {
            var e = i % enterprises;
            var visit = i / enterprises;
            if (!months.TryGetValue(e, out var perm))
                months[e] = perm = [.. Enumerable.Range(0, 6).Select(k => e % 2 + 1 + 2 * k).OrderBy(_ => rng.Next())];
            var r = order[i];
            r.CreditCode = Names.CreditCode(district.Code, district.Index, e);
            r.TargetName = EnterpriseName(district, e);
            r.OpenedOn = new DateOnly(year, perm[visit % 6], 1 + rng.Next(28));
            r.ClosedOn = r.OpenedOn;
        }

        // Repeats: a visit moved to 1–20 days after another visit of some enterprise (same or another department).
        var repeats = (int)Math.Round(order.Count / EnterpriseShare * RepeatInspection);
        for (var k = 0; k < repeats && order.Count > 2; k++)
        {
            var r = order[rng.Next(order.Count)];
            var earlier = order[rng.Next(order.Count)];
            if (r == earlier || r.Injected is not null || earlier.Injected is not null)
                continue;
            var day = earlier.OpenedOn.AddDays(1 + rng.Next(20));
            if (day.Year != year)
                continue;
            r.CreditCode = earlier.CreditCode;
            r.TargetName = earlier.TargetName;
            r.OpenedOn = day;
            r.ClosedOn = day;
            r.Injected = "ZF07";
        }

        foreach (var r in order)
        {
            if (r.Injected is null && rng.NextDouble() < Unplanned)
            {
                r.Injected = "ZF08";
                continue;
            }
            var key = (r.Department.Id, r.CreditCode!, r.OpenedOn.Month);
            if (plans.TryGetValue(key, out var plan))
            {
                if (!plan.Items.Split(';').Contains(r.Item.Code))
                    plans[key] = plan with { Items = plan.Items + ";" + r.Item.Code };
            }
            else
                plans[key] = new PlanRow(r.Department.Id, r.CreditCode!, r.TargetName, r.OpenedOn.Month, r.Item.Code);
        }
        return [.. plans.Values];
    }

    /// <summary>
    /// A valid batch of <paramref name="size"/> inspections in which the first and the last visit the same enterprise
    /// seven days apart (a repeat inspection). With more than 2,000 records the two fall into different chunks of the
    /// warning engine.
    /// </summary>
    public static Batch ChunkBoundaryBatch(World world, int size)
    {
        var district = world.Districts[0];
        var dept = district.Departments[0];
        var rng = new Random(World.Mix(world.Seed, size, 4));
        var credit = Names.CreditCode(district.Code, 99, size);
        var name = Names.Enterprise(rng, district.Name);
        var records = new List<GenRecord>(size);
        for (var i = 0; i < size; i++)
        {
            var r = new GenRecord
            {
                Department = dept, SourceId = $"{dept.Code}-CHUNK{size}-{i:00000}", Kind = RecordKind.Inspection,
                Item = world.ProvinceItems[dept.KindIndex][0], Officers = PickOfficers(rng, dept, 2),
            };
            if (i == 0 || i == size - 1)
            {
                r.CreditCode = credit;
                r.TargetName = name;
                r.OpenedOn = new DateOnly(world.Year, 3, i == 0 ? 3 : 10);
            }
            else
            {
                SetPerson(rng, r, district);
                r.OpenedOn = new DateOnly(world.Year, 3, 1).AddDays(rng.Next(60));
            }
            r.ClosedOn = r.OpenedOn;
            records.Add(r);
        }
        return new Batch(district.Index, dept.Code, size, Payload.Ndjson(records));
    }
}
