using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Modules.Enforcement.Rules;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Enforcement.Features.Warnings;

/// <summary>
/// Runs the rules over the records a batch touched (never a rescan of the table) and keeps the warnings in step:
/// a new finding raises a warning (one per rule and subject), a finding that no longer holds closes a warning nobody
/// has answered yet, and a finding that holds again re-opens one the engine had closed. The caller saves.
/// </summary>
public sealed class WarningEngine(FazhiDb db, CalendarService calendar, IOptions<EnforcementOptions> options, TimeProvider clock)
{
    private const int Chunk = 2_000;

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(clock));

    public sealed record Outcome(int Raised, int Closed);

    public async Task<Outcome> EvaluateRecordsAsync(IReadOnlyCollection<long> recordIds, CancellationToken ct, IReadOnlyList<RecordRule>? rules = null)
    {
        var records = new List<EnforcementRecord>(recordIds.Count);
        foreach (var chunk in recordIds.Chunk(Chunk))
            records.AddRange(await db.EnforcementRecords().ForSystemJob().AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(ct));
        return await EvaluateRecordsAsync(records, ct, rules);
    }

    /// <summary>Evaluates records already in memory (with their ids): <see cref="FindAsync"/>, then <see cref="ApplyAsync"/>.</summary>
    public async Task<Outcome> EvaluateRecordsAsync(IReadOnlyList<EnforcementRecord> all, CancellationToken ct, IReadOnlyList<RecordRule>? rules = null) =>
        await ApplyAsync(await FindAsync(all, null, ct, rules), ct);

    /// <summary>What the rules found about a set of records, not yet reconciled with the stored warnings.</summary>
    public sealed class Findings
    {
        internal List<(EnforcementRecord Record, RecordRule Rule, Finding? Finding)> Items { get; } = [];

        /// <summary>Records that did not exist before this call's batch: they have no stored warnings to look up.</summary>
        internal IReadOnlySet<long> Created { get; init; } = new HashSet<long>();
    }

    /// <summary>
    /// Runs the rules (reads only; takes no lock). For a record stored before, every rule's answer is kept (a finding
    /// that no longer holds closes its warning); for a record just created, only the findings (it has no warnings yet).
    /// A repeat inspection is warned on the later visit, which may be another department's record already stored.
    /// <paramref name="moved"/> lists visits (enterprise, day) that records of <paramref name="all"/> made before they
    /// were corrected: the later visits they had made repeats are checked again (and their warnings closed if nobody
    /// has answered them).
    /// </summary>
    public async Task<Findings> FindAsync(IReadOnlyList<EnforcementRecord> all, IReadOnlySet<long>? created, CancellationToken ct, IReadOnlyList<RecordRule>? rules = null,
        IReadOnlyList<(string Code, DateOnly Day)>? moved = null)
    {
        rules ??= WarningRules.ForRecords;
        var repeat = WarningRules.ForRecords.OfType<RepeatInspectionRule>().First();
        var touched = all.Select(r => r.Id).ToHashSet();
        var result = new Findings { Created = created ?? new HashSet<long>() };
        var chunks = all.Chunk(Chunk).Select(c => (Records: c, Moved: (IReadOnlyList<(string Code, DateOnly Day)>)[])).ToList();
        if (moved is { Count: > 0 })
            chunks.Add(([], moved));
        foreach (var (records, away) in chunks)
        {
            var context = await BuildContextAsync(records, away, ct);
            foreach (var r in records)
            {
                var isNew = result.Created.Contains(r.Id);
                foreach (var rule in rules)
                    if (rule.Check(r, context) is { } finding)
                        result.Items.Add((r, rule, finding));
                    else if (!isNew)
                        result.Items.Add((r, rule, null));
            }
            if (!rules.Contains(repeat))
                continue;
            // The later visits within the window after one of this chunk's (or after where a corrected one used to be)
            // are checked again: they may have become repeats, or stopped being one. Their context covers their whole
            // window, since it spans the window on both sides of each of this chunk's visits.
            var window = options.Value.RepeatInspectionWindowDays;
            var later = records.Where(r => r.Kind == RecordKind.Inspection && r.TargetCreditCode is not null)
                .Select(r => (Code: r.TargetCreditCode!, Day: r.OpenedOn)).Concat(away)
                .SelectMany(v => (context.InspectionsByEnterprise.GetValueOrDefault(v.Code) ?? [])
                    .Where(o => o.OpenedOn >= v.Day && o.OpenedOn.DayNumber - v.Day.DayNumber <= window))
                .Where(o => !touched.Contains(o.RecordId)).Select(o => o.RecordId).Distinct().ToList();
            foreach (var part in later.Chunk(Chunk))
                foreach (var n in await db.EnforcementRecords().ForSystemJob().AsNoTracking().Where(r => part.Contains(r.Id)).ToListAsync(ct))
                    result.Items.Add((n, repeat, repeat.Check(n, context)));
        }
        return result;
    }

    /// <summary>Reconciles findings with the stored warnings: raises the new, closes those that no longer hold (and that
    /// nobody has answered), re-opens those the engine had closed. Call it under the audit chain's lock; the caller saves.</summary>
    public async Task<Outcome> ApplyAsync(Findings findings, CancellationToken ct)
    {
        var existing = new Dictionary<string, EnforcementWarning>();
        var stored = findings.Items.Select(f => f.Record.Id).Where(id => !findings.Created.Contains(id)).Distinct().ToList();
        foreach (var part in stored.Chunk(Chunk))
            foreach (var w in await db.EnforcementWarnings().ForSystemJob().Where(w => w.RecordId != null && part.Contains(w.RecordId.Value)).ToListAsync(ct))
                existing[w.DedupKey] = w;
        var done = new HashSet<string>();
        int raised = 0, closed = 0;
        foreach (var (record, rule, finding) in findings.Items)
        {
            var key = KeyFor(rule, record);
            if (!done.Add(key))
                continue;
            var (r, c, added) = Apply(existing.GetValueOrDefault(key), key, rule, finding, record.OrgUnitId, record.Id, null, record.SourceId);
            if (added is not null)
                existing[key] = added;
            raised += r;
            closed += c;
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
            var existing = (await db.EnforcementWarnings().ForSystemJob().Where(w => w.OfficerId != null && ids.Contains(w.OfficerId.Value)).ToListAsync(ct))
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
                    DueOn = FeedbackDue(today), StepStartedOn = today, Status = WarningStatus.Issued,
                };
                db.EnforcementWarnings().Add(added);
                return (1, 0, added);
            }
            if (warning.AutoClosed && warning.Status == WarningStatus.Closed)
            {
                warning.Reopen(Truncate(finding.Message, 1000), today, FeedbackDue(today));
                return (1, 0, null);
            }
            // The message is kept as first raised (re-sending a record must not rewrite it, or the log fills with noise).
            return (0, 0, null);
        }
        if (warning is { Status: WarningStatus.Issued, Feedback: null })
        {
            warning.AutoClose(today);
            return (0, 1, null);
        }
        return (0, 0, null);
    }

    public DateOnly FeedbackDue(DateOnly from) => calendar.Current.AddWorkingDays(from, options.Value.FeedbackWorkingDays, provisional: true);

    public DateOnly RectificationDue(DateOnly from) => calendar.Current.AddWorkingDays(from, options.Value.RectificationWorkingDays, provisional: true);

    private RuleContext NewContext() => new() { Today = Today, Calendar = calendar.Current, Options = options.Value };

    private async Task<RuleContext> BuildContextAsync(IReadOnlyList<EnforcementRecord> records, IReadOnlyList<(string Code, DateOnly Day)> alsoAround, CancellationToken ct)
    {
        var numbers = records.SelectMany(r => r.OfficerList).Distinct().ToList();
        var officers = new Dictionary<string, Officer>();
        foreach (var o in await RuleContextQueries.OfficersAsync(db, numbers, ct))
            officers[o.CertificateNumber] = o;

        var itemIds = records.Where(r => r.ItemId != null).Select(r => r.ItemId!.Value).Distinct().ToList();
        var items = await db.EnforcementItems().ForSystemJob().AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);

        // The enterprises' visits within the window around each of these visits (overlapping windows merged).
        var window = options.Value.RepeatInspectionWindowDays;
        var inspections = records.Where(r => r.Kind == RecordKind.Inspection && r.TargetCreditCode != null).ToList();
        var spans = EnterpriseSpan.Around(inspections.Select(r => (r.TargetCreditCode!, r.OpenedOn)).Concat(alsoAround), window);
        var byEnterprise = new Dictionary<string, List<InspectionRef>>();
        var plans = new HashSet<(int, string, int)>();
        var joint = new HashSet<(int, string, int)>();
        if (spans.Count > 0)
        {
            var visits = await RuleContextQueries.VisitsAsync(db, spans, ct);
            var orgIds = visits.Select(v => v.OrgUnitId).Distinct().ToList();
            var names = await db.Orgs.NamesAsync(orgIds, ct);
            foreach (var v in visits)
            {
                if (!byEnterprise.TryGetValue(v.TargetCreditCode, out var list))
                    byEnterprise[v.TargetCreditCode] = list = [];
                list.Add(new InspectionRef(v.Id, v.OrgUnitId, names.GetValueOrDefault(v.OrgUnitId, ""), v.SourceId, v.OpenedOn));
            }
            // The plan entries that the rules may ask about: each visit's own (department, enterprise, month), for
            // 计划外检查 and for the joint inspections that excuse a second visit.
            var keys = inspections.Select(r => new PlanKey(r.OrgUnitId, r.TargetCreditCode!, r.OpenedOn.Year, r.OpenedOn.Month))
                .Concat(visits.Select(v => new PlanKey(v.OrgUnitId, v.TargetCreditCode, v.OpenedOn.Year, v.OpenedOn.Month)))
                .Distinct().ToList();
            foreach (var p in await RuleContextQueries.PlansAsync(db, keys, ct))
            {
                plans.Add((p.OrgUnitId, p.TargetCreditCode, p.Year * 100 + p.Month));
                if (p.JointInspectionId is not null)
                    joint.Add((p.OrgUnitId, p.TargetCreditCode, p.Year * 100 + p.Month));
            }
            if (joint.Count > 0)
            {
                // Only confirmed joint inspections excuse a second visit.
                var codes = joint.Select(j => j.Item2).Distinct().ToList();
                var confirmed = await db.JointInspections().ForSystemJob().AsNoTracking()
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
