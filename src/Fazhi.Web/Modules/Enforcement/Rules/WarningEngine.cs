using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Enforcement.Rules;

/// <summary>
/// Runs the rules over the records a batch touched (never a rescan of the table) and keeps the warnings in step:
/// a new finding raises a warning (one per rule and subject), a finding that no longer holds closes a warning nobody
/// has answered yet, and a finding that holds again re-opens one the engine had closed. The caller saves.
/// </summary>
public sealed class WarningEngine(FazhiDb db, CalendarService calendar, IOptions<EnforcementOptions> options, TimeProvider clock)
{
    private const int Chunk = 2_000;

    /// <summary>Keys per <c>= ANY(@keys)</c> lookup of the enterprises' inspections and plans: with thousands of keys
    /// PostgreSQL prefers a sequential scan over the (credit code, date) indexes; with a few hundred it probes them.</summary>
    private const int LookupChunk = 250;

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(clock));

    public sealed record Outcome(int Raised, int Closed);

    public async Task<Outcome> EvaluateRecordsAsync(IReadOnlyCollection<long> recordIds, CancellationToken ct, IReadOnlyList<RecordRule>? rules = null)
    {
        var records = new List<EnforcementRecord>(recordIds.Count);
        foreach (var chunk in recordIds.Chunk(Chunk))
            records.AddRange(await db.EnforcementRecords().IgnoreQueryFilters().AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(ct));
        return await EvaluateRecordsAsync(records, ct, rules);
    }

    /// <summary>Evaluates records already in memory (a batch that was just merged, with their ids). One call keeps one
    /// view of the warnings, so a warning found from two chunks of the same batch is raised once.</summary>
    public async Task<Outcome> EvaluateRecordsAsync(IReadOnlyList<EnforcementRecord> all, CancellationToken ct, IReadOnlyList<RecordRule>? rules = null)
    {
        rules ??= WarningRules.ForRecords;
        var repeat = WarningRules.ForRecords.OfType<RepeatInspectionRule>().First();
        var touched = all.Select(r => r.Id).ToHashSet();
        var existing = new Dictionary<string, EnforcementWarning>();
        var loadedFor = new HashSet<long>();
        var done = new HashSet<string>();
        int raised = 0, closed = 0;
        foreach (var records in all.Chunk(Chunk))
        {
            var context = await BuildContextAsync(records, ct);
            var findings = new List<(EnforcementRecord Record, RecordRule Rule, Finding? Finding, bool AddOnly)>();
            foreach (var r in records)
                foreach (var rule in rules)
                    findings.Add((r, rule, rule.Check(r, context), false));

            // A repeat inspection is warned on the later visit, which may be another department's record already stored.
            if (rules.Contains(repeat))
            {
                // Only visits within the window after one of this chunk's can have become repeats because of it.
                var window = options.Value.RepeatInspectionWindowDays;
                var later = records.Where(r => r.Kind == RecordKind.Inspection && r.TargetCreditCode is not null)
                    .SelectMany(r => (context.InspectionsByEnterprise.GetValueOrDefault(r.TargetCreditCode!) ?? [])
                        .Where(o => o.OpenedOn >= r.OpenedOn && o.OpenedOn.DayNumber - r.OpenedOn.DayNumber <= window))
                    .Where(o => !touched.Contains(o.RecordId)).Select(o => o.RecordId).Distinct().ToList();
                foreach (var part in later.Chunk(Chunk))
                    foreach (var n in await db.EnforcementRecords().IgnoreQueryFilters().AsNoTracking().Where(r => part.Contains(r.Id)).ToListAsync(ct))
                        if (repeat.Check(n, context) is { } f)
                            findings.Add((n, repeat, f, true)); // another department's record: only ever add
            }

            var ids = findings.Select(f => f.Record.Id).Where(loadedFor.Add).ToList();
            foreach (var part in ids.Chunk(Chunk))
                foreach (var w in await db.EnforcementWarnings().IgnoreQueryFilters().Where(w => w.RecordId != null && part.Contains(w.RecordId.Value)).ToListAsync(ct))
                    existing[w.DedupKey] = w;
            foreach (var (record, rule, finding, addOnly) in findings)
            {
                var key = KeyFor(rule, record);
                if ((addOnly && existing.ContainsKey(key)) || !done.Add(key))
                    continue;
                var (r, c, added) = Apply(existing.GetValueOrDefault(key), key, rule, finding, record.OrgUnitId, record.Id, null, record.SourceId);
                if (added is not null)
                    existing[key] = added;
                raised += r;
                closed += c;
            }
        }
        return new Outcome(raised, closed);
    }

    /// <summary>The certificate rules, for the given officers.</summary>
    public async Task<Outcome> EvaluateOfficersAsync(IReadOnlyCollection<Officer> officers, CancellationToken ct)
    {
        var context = NewContext();
        int raised = 0, closed = 0;
        foreach (var chunk in officers.Chunk(Chunk))
        {
            var ids = chunk.Select(o => o.Id).ToList();
            var existing = (await db.EnforcementWarnings().IgnoreQueryFilters().Where(w => w.OfficerId != null && ids.Contains(w.OfficerId.Value)).ToListAsync(ct))
                .ToDictionary(w => w.DedupKey);
            foreach (var officer in chunk)
                foreach (var rule in WarningRules.ForOfficers)
                {
                    var key = $"{rule.Code}:O{officer.Id}:{officer.ExpiresOn:yyyyMMdd}";
                    var (r, c, _) = Apply(existing.GetValueOrDefault(key), key, rule, rule.Check(officer, context), officer.OrgUnitId, null, officer.Id, officer.CertificateNumber);
                    raised += r;
                    closed += c;
                }
        }
        return new Outcome(raised, closed);
    }

    private static string KeyFor(WarningRule rule, EnforcementRecord record) => $"{rule.Code}:R{record.Id}";

    private (int Raised, int Closed, EnforcementWarning? Added) Apply(EnforcementWarning? warning, string key, WarningRule rule, Finding? finding, int orgUnitId, long? recordId, long? officerId, string subject)
    {
        var today = Today;
        if (finding is not null)
        {
            if (warning is null)
            {
                var added = new EnforcementWarning
                {
                    OrgUnitId = orgUnitId, RecordId = recordId, OfficerId = officerId, RuleCode = rule.Code, Severity = rule.Severity,
                    Subject = Truncate(subject, 64), Message = Truncate(finding.Message, 1000), DedupKey = key, RaisedOn = today,
                    DueOn = FeedbackDue(today), Status = WarningStatus.Issued,
                };
                db.EnforcementWarnings().Add(added);
                return (1, 0, added);
            }
            if (warning.AutoClosed && warning.Status == WarningStatus.Closed)
            {
                warning.Status = WarningStatus.Issued;
                warning.AutoClosed = false;
                warning.ClosedOn = null;
                warning.CloseNote = null;
                warning.RaisedOn = today;
                warning.DueOn = FeedbackDue(today);
                warning.Message = Truncate(finding.Message, 1000);
                warning.Version++;
                return (1, 0, null);
            }
            // The message is kept as first raised (re-sending a record must not rewrite it, or the log fills with noise).
            return (0, 0, null);
        }
        if (warning is { Status: WarningStatus.Issued, Feedback: null })
        {
            warning.Status = WarningStatus.Closed;
            warning.AutoClosed = true;
            warning.ClosedOn = today;
            warning.ClosedBy = "system";
            warning.CloseNote = "部门更正数据后不再触发该规则，系统自动销号";
            warning.Version++;
            return (0, 1, null);
        }
        return (0, 0, null);
    }

    public DateOnly FeedbackDue(DateOnly from) => calendar.Current.AddWorkingDays(from, options.Value.FeedbackWorkingDays, provisional: true);

    public DateOnly RectificationDue(DateOnly from) => calendar.Current.AddWorkingDays(from, options.Value.RectificationWorkingDays, provisional: true);

    private RuleContext NewContext() => new() { Today = Today, Calendar = calendar.Current, Options = options.Value };

    private async Task<RuleContext> BuildContextAsync(IReadOnlyList<EnforcementRecord> records, CancellationToken ct)
    {
        var numbers = records.SelectMany(r => r.OfficerList).Distinct().ToList();
        var officers = new Dictionary<string, Officer>();
        foreach (var part in numbers.Chunk(Chunk))
            // Only what the rules read: the review and training lists (JSON) are left in the database.
            foreach (var o in await db.Officers().IgnoreQueryFilters().AsNoTracking().Where(o => part.Contains(o.CertificateNumber))
                         .Select(o => new Officer
                         {
                             Id = o.Id, OrgUnitId = o.OrgUnitId, Name = o.Name, CertificateNumber = o.CertificateNumber, IssuedOn = o.IssuedOn,
                             ExpiresOn = o.ExpiresOn, Status = o.Status, StatusSince = o.StatusSince,
                         }).ToListAsync(ct))
                officers[o.CertificateNumber] = o;

        var itemIds = records.Where(r => r.ItemId != null).Select(r => r.ItemId!.Value).Distinct().ToList();
        var items = await db.EnforcementItems().IgnoreQueryFilters().AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);

        var inspections = records.Where(r => r.Kind == RecordKind.Inspection && r.TargetCreditCode != null).ToList();
        var byEnterprise = new Dictionary<string, List<InspectionRef>>();
        var plans = new HashSet<(int, string, int)>();
        var joint = new HashSet<(int, string, int)>();
        if (inspections.Count > 0)
        {
            var window = options.Value.RepeatInspectionWindowDays;
            var from = inspections.Min(r => r.OpenedOn).AddDays(-window);
            var to = inspections.Max(r => r.OpenedOn).AddDays(window);
            var codes = inspections.Select(r => r.TargetCreditCode!).Distinct().ToList();
            foreach (var part in codes.Chunk(LookupChunk))
            {
                var found = await (from r in db.EnforcementRecords().IgnoreQueryFilters()
                                   join o in db.OrgUnits.IgnoreQueryFilters() on r.OrgUnitId equals o.Id
                                   where r.Kind == RecordKind.Inspection && r.TargetCreditCode != null && part.Contains(r.TargetCreditCode) &&
                                         r.OpenedOn >= @from && r.OpenedOn <= to
                                   select new { r.Id, r.OrgUnitId, o.Name, r.SourceId, r.OpenedOn, r.TargetCreditCode }).ToListAsync(ct);
                foreach (var f in found)
                {
                    if (!byEnterprise.TryGetValue(f.TargetCreditCode!, out var list))
                        byEnterprise[f.TargetCreditCode!] = list = [];
                    list.Add(new InspectionRef(f.Id, f.OrgUnitId, f.Name, f.SourceId, f.OpenedOn));
                }
                var years = Enumerable.Range(from.Year, to.Year - from.Year + 1).ToList();
                foreach (var p in await db.InspectionPlans().IgnoreQueryFilters().AsNoTracking()
                             .Where(p => part.Contains(p.TargetCreditCode) && years.Contains(p.Year))
                             .Select(p => new { p.OrgUnitId, p.TargetCreditCode, p.Year, p.Month, p.JointInspectionId }).ToListAsync(ct))
                {
                    plans.Add((p.OrgUnitId, p.TargetCreditCode, p.Year * 100 + p.Month));
                    if (p.JointInspectionId is not null)
                        joint.Add((p.OrgUnitId, p.TargetCreditCode, p.Year * 100 + p.Month));
                }
            }
            if (joint.Count > 0)
            {
                // Only confirmed joint inspections excuse a second visit.
                var confirmed = await db.JointInspections().IgnoreQueryFilters().AsNoTracking()
                    .Where(j => j.Status == JointStatus.Confirmed && codes.Contains(j.TargetCreditCode))
                    .Select(j => new { j.TargetCreditCode, Month = j.Year * 100 + j.Month }).ToListAsync(ct);
                var ok = confirmed.Select(c => (c.TargetCreditCode, c.Month)).ToHashSet();
                joint.RemoveWhere(j => !ok.Contains((j.Item2, j.Item3)));
            }
        }
        return new RuleContext
        {
            Today = Today, Calendar = calendar.Current, Options = options.Value, Officers = officers, Items = items,
            InspectionsByEnterprise = byEnterprise, Plans = plans, JointVisits = joint,
        };
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
