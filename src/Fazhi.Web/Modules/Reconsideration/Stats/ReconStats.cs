using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Calendar;
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
    decimal? QuickContactRate, int Hearings, int OpinionsHeard, int OpinionLetters, LitigationFigures Litigation);

/// <summary>行政应诉 (DOMAIN §2.2): 败诉率 = lost ÷ judged (撤诉 and 调解 are not judged); 负责人出庭率 = hearings in the
/// period at which the agency's head appeared ÷ hearings in the period.</summary>
public sealed record LitigationFigures(int Cases, int Judged, int Lost, decimal? LostRate, decimal? HeadAppearanceRate, int AfterReconsideration);

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
    public async Task<ReconStatsAnswer> ComputeAsync(string? orgCode, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is null) errors["from"] = ["请提供统计起始日期 from（YYYY-MM-DD）"];
        if (to is null) errors["to"] = ["请提供统计截止日期 to（YYYY-MM-DD）"];
        if (from > to) errors["to"] = ["截止日期不能早于起始日期"];
        // The data holds dates of 2000–2100 (SheetDates); 0001-01-01 has no 上年同期 and failed with a 500.
        if (from is { Year: < 2000 or > 2100 }) errors["from"] = ["统计起始日期应在2000至2100年之间"];
        if (to is { Year: < 2000 or > 2100 }) errors["to"] = ["统计截止日期应在2000至2100年之间"];
        var unit = string.IsNullOrEmpty(orgCode) ? null : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode, ct);
        if (!string.IsNullOrEmpty(orgCode) && unit is null)
            throw new NotFoundException($"机构“{orgCode}”不存在或不在您的数据权限范围内。");
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var path = unit?.Path ?? (db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix);
        var prevFrom = from!.Value.AddYears(-1);
        var prevTo = to!.Value.AddYears(-1);
        return new ReconStatsAnswer(unit?.Code ?? "", unit?.Name ?? "全部", Iso(from.Value), Iso(to.Value),
            await FiguresAsync(path, from.Value, to.Value, ct), Iso(prevFrom), Iso(prevTo), await FiguresAsync(path, prevFrom, prevTo, ct));
    }

    private async Task<ReconFigures> FiguresAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var cases = db.ReconCases().AsNoTracking().Where(c => db.OrgUnits.Any(o => o.Id == c.OrgUnitId && o.Path.StartsWith(path)));
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
        var merits = concludedRows.Count(c => c.DecisionType is not null);
        var corrected = concludedRows.Count(c => c.DecisionType is { } d && ReconNames.IsCorrection(d));
        var mediatedOrWithdrawn = concludedRows.Count(c => c.Status == CaseStatus.Mediated ||
            c.TerminationReason is TerminationReason.Withdrawn or TerminationReason.Mediation or TerminationReason.Settlement);
        var onTime = concludedRows.Count(c => c.ClosedOn <= ReconDeadlines.DecisionDue(c, c.AcceptedOn!.Value, calendar.Current, options.Value, c.ClosedOn!.Value).Due);
        var receivedInPeriod = cases.Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to);
        var contacted = await receivedInPeriod.Where(c => c.FirstContactAtUtc != null).Select(c => new { c.ReceivedAtUtc, c.FirstContactAtUtc }).ToListAsync(ct);
        var quick = contacted.Count(c => c.FirstContactAtUtc!.Value - c.ReceivedAtUtc <= ReconCase.QuickContactWindow);
        var events = cases.SelectMany(c => c.Events).Where(e => e.On >= from && e.On <= to);
        var hearings = await events.CountAsync(e => e.Action == CaseAction.HoldHearing, ct);
        var opinions = await events.CountAsync(e => e.Action == CaseAction.HearOpinion, ct);
        var letters = await events.CountAsync(e => e.Action == CaseAction.IssueOpinionLetter, ct);
        return new ReconFigures(received, accepted, rejected, concludedRows.Count, concludedRows.Count(c => c.ReceivedOn < yearStart), decisions,
            concludedRows.Count(c => c.Status == CaseStatus.Terminated), mediatedOrWithdrawn,
            Rate(mediatedOrWithdrawn, concludedRows.Count), Rate(corrected, merits), Rate(onTime, concludedRows.Count), Rate(quick, received),
            hearings, opinions, letters, await LitigationAsync(path, from, to, ct));
    }

    private async Task<LitigationFigures> LitigationAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var suits = db.Set<LitigationCase>().AsNoTracking().Where(c => db.OrgUnits.Any(o => o.Id == c.OrgUnitId && o.Path.StartsWith(path)));
        var cases = await suits.CountAsync(c => c.FiledOn >= from && c.FiledOn <= to, ct);
        var afterRecon = await suits.CountAsync(c => c.FiledOn >= from && c.FiledOn <= to && c.ReconCaseId != null, ct);
        var outcomes = await suits.Where(c => c.ConcludedOn >= from && c.ConcludedOn <= to && c.Outcome != null).Select(c => c.Outcome!.Value).ToListAsync(ct);
        var judged = outcomes.Count(LitigationNames.IsJudged);
        var lost = outcomes.Count(o => o == LitigationOutcome.Lost);
        var heard = await suits.Where(c => c.HearingOn >= from && c.HearingOn <= to && c.HeadAppeared != null).Select(c => c.HeadAppeared!.Value).ToListAsync(ct);
        return new LitigationFigures(cases, judged, lost, Rate(lost, judged), Rate(heard.Count(h => h), heard.Count), afterRecon);
    }

    /// <summary>A percentage rounded half away from zero to two decimals: 7 of 23 → 30.43.</summary>
    public static decimal? Rate(int part, int whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    private static string Iso(DateOnly d) => HolidayFile.Iso(d);
}
