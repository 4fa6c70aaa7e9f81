using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Data;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Reconsideration.Stats;

public sealed record ReconFigures(
    int Received, int Accepted, int Rejected, int Concluded, int CarriedOver, IReadOnlyDictionary<string, int> Decisions,
    int Terminated, int MediatedOrWithdrawn, decimal? MediationRate, decimal? CorrectionRate, decimal? OnTimeRate,
    decimal? QuickContactRate, int Hearings, int OpinionsHeard, int OpinionLetters, LitigationFigures Litigation)
{
    /// <summary>Decisions on the merits (the divisor of 纠错率).</summary>
    public int Merits { get; init; }

    /// <summary>Decisions 变更/撤销/确认违法/责令履行/确认无效 (the dividend of 纠错率).</summary>
    public int Corrected { get; init; }

    /// <summary>办结 within the decision period (the dividend of 按期办结率).</summary>
    public int OnTime { get; init; }

    /// <summary>Received in the period and contacted within the hour (the dividend of 速联快调率).</summary>
    public int QuickContacted { get; init; }
}

/// <summary>行政应诉 (DOMAIN §2.2): 败诉率 = lost ÷ judged (撤诉 and 调解 are not judged); 负责人出庭率 = hearings in the
/// period at which the agency's head appeared ÷ hearings in the period.</summary>
public sealed record LitigationFigures(int Cases, int Judged, int Lost, decimal? LostRate, decimal? HeadAppearanceRate, int AfterReconsideration)
{
    /// <summary>Hearings in the period with a recorded appearance (the divisor of 负责人出庭率).</summary>
    public int Hearings { get; init; }

    /// <summary>Of those, hearings at which the agency's head appeared.</summary>
    public int HeadAppeared { get; init; }

    /// <summary>败诉 in the period by reason (字典 recon.loss_reason code → count; "unrecorded" for those without).</summary>
    public IReadOnlyDictionary<string, int> LossReasons { get; init; } = new Dictionary<string, int>();
}

public sealed record ReconStatsAnswer(string Org, string OrgName, string From, string To, ReconFigures Current, string PreviousFrom, string PreviousTo, ReconFigures Previous);

/// <summary>
/// The figures of DOMAIN §2.1, exactly as defined there, for a unit and its sub-units over a period:
/// 收到 = received in the period; 受理 = accepted in the period; 办结 = accepted cases concluded (decision, 调解书 or
/// termination) in the period, whatever the year received (结转 = received in an earlier year; 不予受理 and 告知 are not
/// 办结); 调撤率 = concluded by mediation, settlement or withdrawal ÷ 办结; 纠错率 = 变更/撤销/确认违法/责令履行/确认无效 ÷
/// decisions on the merits. Rates are percentages rounded to two decimals, null when the divisor is zero.
/// </summary>
public sealed class ReconStats(FazhiDb db, CalendarService calendar, IOptions<ReconRulesOptions> options)
{
    /// <summary>Both periods' figures; read through <see cref="ReconMetricSource"/> (cached), not directly.</summary>
    internal async Task<ReconStatsAnswer> ComputeAsync(string? orgCode, Period period, CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(orgCode) ? null : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode.Trim(), ct)
            ?? throw new NotFoundException($"机构“{orgCode}”不存在或不在您的数据权限范围内。");
        var path = unit?.Path ?? (db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix);
        var previous = period.SamePeriodLastYear();
        return new ReconStatsAnswer(unit?.Code ?? "", unit?.Name ?? "全部", period.FromIso, period.ToIso,
            await FiguresAsync(path, period.From, period.To, ct), previous.FromIso, previous.ToIso, await FiguresAsync(path, previous.From, previous.To, ct));
    }

    private async Task<ReconFigures> FiguresAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var cases = db.ReconCases().AsNoTracking().Where(c => c.Status != CaseStatus.Voided && db.OrgUnits.Any(o => o.Id == c.OrgUnitId && o.Path.StartsWith(path)));
        var received = await cases.CountAsync(c => c.ReceivedOn >= from && c.ReceivedOn <= to, ct);
        var accepted = await cases.CountAsync(c => c.AcceptedOn >= from && c.AcceptedOn <= to, ct);
        var rejected = await cases.CountAsync(c => c.Status == CaseStatus.NotAccepted && c.ClosedOn >= from && c.ClosedOn <= to, ct);
        var concludedRows = await cases
            .Where(c => c.AcceptedOn != null && c.ClosedOn >= from && c.ClosedOn <= to &&
                        (c.Status == CaseStatus.Decided || c.Status == CaseStatus.Mediated || c.Status == CaseStatus.Terminated))
            .Include(c => c.Suspensions)
            .ToListAsync(ct);
        var yearStart = new DateOnly(from.Year, 1, 1);
        var decisions = concludedRows.Where(c => c.DecisionType is not null).GroupBy(c => c.DecisionType!.Value)
            .ToDictionary(g => g.Key.ToString(), g => g.Count());
        var merits = concludedRows.Count(c => c.DecisionType is { } d && ReconNames.IsOnMerits(d));
        var corrected = concludedRows.Count(c => c.DecisionType is { } d && ReconNames.IsCorrection(d));
        var mediatedOrWithdrawn = concludedRows.Count(c => c.Status == CaseStatus.Mediated ||
            c.TerminationReason is TerminationReason.Withdrawn or TerminationReason.Mediation or TerminationReason.Settlement);
        var onTime = concludedRows.Count(c => c.ClosedOn <= ReconDeadlines.DecisionDue(c, c.AcceptedOn!.Value, calendar.Current, options.Value, c.ClosedOn!.Value).Due);
        var receivedInPeriod = cases.Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to);
        var contacted = await receivedInPeriod.Where(c => c.FirstContactAtUtc != null).Select(c => new { c.ReceivedAtUtc, c.FirstContactAtUtc, c.QuickContactDueUtc }).ToListAsync(ct);
        var quick = contacted.Count(c => c.FirstContactAtUtc!.Value <= (c.QuickContactDueUtc ?? c.ReceivedAtUtc + ReconCase.QuickContactWindow));
        var events = cases.SelectMany(c => c.Events).Where(e => e.On >= from && e.On <= to);
        var hearings = await events.CountAsync(e => e.Action == CaseAction.HoldHearing, ct);
        var opinions = await events.CountAsync(e => e.Action == CaseAction.HearOpinion, ct);
        var letters = await events.CountAsync(e => e.Action == CaseAction.IssueOpinionLetter, ct);
        return new ReconFigures(received, accepted, rejected, concludedRows.Count, concludedRows.Count(c => c.ReceivedOn < yearStart), decisions,
            concludedRows.Count(c => c.Status == CaseStatus.Terminated), mediatedOrWithdrawn,
            Percent.Of(mediatedOrWithdrawn, concludedRows.Count), Percent.Of(corrected, merits), Percent.Of(onTime, concludedRows.Count), Percent.Of(quick, received),
            hearings, opinions, letters, await LitigationAsync(path, from, to, ct))
        { Merits = merits, Corrected = corrected, OnTime = onTime, QuickContacted = quick };
    }

    private async Task<LitigationFigures> LitigationAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var suits = db.Set<LitigationCase>().AsNoTracking().Where(c => db.OrgUnits.Any(o => o.Id == c.OrgUnitId && o.Path.StartsWith(path)));
        var cases = await suits.CountAsync(c => c.FiledOn >= from && c.FiledOn <= to, ct);
        var afterRecon = await suits.CountAsync(c => c.FiledOn >= from && c.FiledOn <= to && c.ReconCaseId != null, ct);
        var outcomes = await suits.Where(c => c.ConcludedOn >= from && c.ConcludedOn <= to && c.Outcome != null).Select(c => c.Outcome!.Value).ToListAsync(ct);
        var judged = outcomes.Count(LitigationNames.IsJudged);
        var lost = outcomes.Count(o => o == LitigationOutcome.Lost);
        // 负责人出庭 per hearing (recon-rules, issue 15 §5): recorded hearings, plus the one hearing of suits recorded before them.
        var perHearing = await suits.SelectMany(c => c.Hearings).Where(h => h.On >= from && h.On <= to).Select(h => h.HeadAppeared).ToListAsync(ct);
        var heard = await suits.Where(c => !c.Hearings.Any() && c.HearingOn >= from && c.HearingOn <= to && c.HeadAppeared != null).Select(c => c.HeadAppeared!.Value).ToListAsync(ct);
        heard.AddRange(perHearing);
        var appeared = heard.Count(h => h);
        var lossReasons = (await suits.Where(c => c.ConcludedOn >= from && c.ConcludedOn <= to && c.Outcome == LitigationOutcome.Lost).Select(c => c.LossReason).ToListAsync(ct))
            .GroupBy(r => r ?? "unrecorded").ToDictionary(g => g.Key, g => g.Count());
        return new LitigationFigures(cases, judged, lost, Percent.Of(lost, judged), Percent.Of(appeared, heard.Count), afterRecon)
            { Hearings = heard.Count, HeadAppeared = appeared, LossReasons = lossReasons };
    }
}
