using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Stats;

public sealed record AidFigures(
    int Applications, int Notices, int Accepted, int Refused, IReadOnlyDictionary<string, int> CasesByType, int Closed, decimal Recovered,
    int GreenReceived, int GreenSameDay, decimal? GreenSameDayRate, int Callbacks, decimal? SatisfactionMean, int Satisfied, decimal? SatisfiedRate,
    int Consultations, int Workstations, int DutyLawyers, int FilesReviewed, decimal? FileScoreMean, decimal SubsidyOwed, int HearingsAttended);

/// <summary>A green-channel application that was not accepted and assigned on the day it was received, and why.</summary>
public sealed record GreenMiss(long Id, string Number, string ApplicantName, string Green, string ReceivedOn, string? DecidedOn, string? AssignedOn, string Why);

public sealed record AidStatsAnswer(string Org, string OrgName, string From, string To, AidFigures Current, string PreviousFrom, string PreviousTo,
    AidFigures Previous, IReadOnlyList<GreenMiss> GreenMissed);

/// <summary>
/// The figures of DOMAIN §2.7 for a unit and everything below it over a period:
/// 申请 = applications received (通知 counted apart); 受理 (案件) = granted in the period, 通知辩护/代理 included, by type
/// ([002]: 1,790 = 1,236 民事 + 554 刑事); 不予援助 = refused in the period; 结案 and 挽回损失 = cases closed in the period;
/// 绿色通道当天受理指派率 = green-channel applications received in the period and granted and assigned that same day ÷ all
/// green-channel applications received in it (a refused or late one counts against it, and is listed); 满意度 = the mean
/// of the 回访 scores (1–5) recorded in the period, 满意率 = scores 4–5 ÷ callbacks; 咨询 = consultations logged;
/// 工作站 = workstations opened by the period's end and active; 值班律师 = active duty lawyers now.
/// </summary>
public sealed class AidStats(FazhiDb db)
{
    internal async Task<AidStatsAnswer> ComputeAsync(string? orgCode, Period period, CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(orgCode) ? null : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode.Trim(), ct)
            ?? throw new NotFoundException($"机构“{orgCode}”不存在或不在您的数据权限范围内。");
        var path = unit?.Path ?? (db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix);
        var previous = period.SamePeriodLastYear();
        var (current, missed) = await FiguresAsync(path, period.From, period.To, ct);
        var (before, _) = await FiguresAsync(path, previous.From, previous.To, ct);
        return new AidStatsAnswer(unit?.Code ?? "", unit?.Name ?? "全部", period.FromIso, period.ToIso, current, previous.FromIso, previous.ToIso, before, missed);
    }

    private async Task<(AidFigures, List<GreenMiss>)> FiguresAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var cases = db.AidCases().AsNoTracking().Where(c => db.OrgUnits.Any(o => o.Id == c.OrgUnitId && o.Path.StartsWith(path)));
        var received = await cases.Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to).GroupBy(c => c.Channel == AidChannel.Notice)
            .Select(g => new { Notice = g.Key, N = g.Count() }).ToListAsync(ct);
        var accepted = await cases.Where(c => c.DecidedOn >= from && c.DecidedOn <= to && c.Status != AidStatus.Refused)
            .GroupBy(c => c.CaseType).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var refused = await cases.CountAsync(c => c.Status == AidStatus.Refused && c.DecidedOn >= from && c.DecidedOn <= to, ct);
        var closed = await cases.Where(c => c.Status == AidStatus.Closed && c.ClosedOn >= from && c.ClosedOn <= to)
            .Select(c => new { c.RecoveredFen, c.SubsidyFen }).ToListAsync(ct);
        var green = await cases.Where(c => c.Green != null && c.ReceivedOn >= from && c.ReceivedOn <= to)
            .Select(c => new { c.Id, c.Number, c.ApplicantName, c.Green, c.ReceivedOn, c.DecidedOn, c.AssignedOn, c.Status }).ToListAsync(ct);
        var callbacks = await cases.Where(c => c.CallbackOn >= from && c.CallbackOn <= to && c.Satisfaction != null).Select(c => c.Satisfaction!.Value).ToListAsync(ct);
        var events = cases.SelectMany(c => c.Events).Where(e => e.On >= from && e.On <= to);
        var scores = await cases.Where(c => c.FileScore != null && c.Events.Any(e => e.Action == AidAction.ReviewFile && e.On >= from && e.On <= to))
            .Select(c => c.FileScore!.Value).ToListAsync(ct);
        var hearings = await events.CountAsync(e => e.Action == AidAction.AttendHearing, ct);
        var consultations = await db.AidConsultations().AsNoTracking()
            .CountAsync(c => c.On >= from && c.On <= to && db.OrgUnits.Any(o => o.Id == c.OrgUnitId && o.Path.StartsWith(path)), ct);
        var stations = await db.AidWorkstations().AsNoTracking()
            .CountAsync(w => w.Active && w.OpenedOn <= to && db.OrgUnits.Any(o => o.Id == w.OrgUnitId && o.Path.StartsWith(path)), ct);
        var duty = await db.AidProviders().AsNoTracking()
            .CountAsync(p => p.Active && p.DutyLawyer && db.OrgUnits.Any(o => o.Id == p.OrgUnitId && o.Path.StartsWith(path)), ct);

        var sameDay = green.Count(g => g.DecidedOn == g.ReceivedOn && g.AssignedOn == g.ReceivedOn && g.Status != AidStatus.Refused);
        var missed = green.Where(g => !(g.DecidedOn == g.ReceivedOn && g.AssignedOn == g.ReceivedOn && g.Status != AidStatus.Refused))
            .OrderBy(g => g.ReceivedOn).ThenBy(g => g.Id)
            .Select(g => new GreenMiss(g.Id, g.Number, g.ApplicantName, AidNames.Of(g.Green!.Value), Dates.Iso(g.ReceivedOn), Iso(g.DecidedOn), Iso(g.AssignedOn),
                g.Status == AidStatus.Refused ? "不予法律援助"
                : g.DecidedOn is null ? "尚未决定"
                : g.DecidedOn != g.ReceivedOn ? $"收到后第{g.DecidedOn.Value.DayNumber - g.ReceivedOn.DayNumber}日才决定给予"
                : g.AssignedOn is null ? "尚未指派"
                : $"收到后第{g.AssignedOn.Value.DayNumber - g.ReceivedOn.DayNumber}日才指派"))
            .ToList();
        var byType = Enum.GetValues<AidCaseType>().ToDictionary(t => t.ToString(), t => accepted.FirstOrDefault(a => a.Key == t)?.N ?? 0);
        var satisfied = callbacks.Count(s => s >= 4);
        return (new AidFigures(
            received.FirstOrDefault(r => !r.Notice)?.N ?? 0, received.FirstOrDefault(r => r.Notice)?.N ?? 0, byType.Values.Sum(), refused, byType,
            closed.Count, closed.Sum(c => c.RecoveredFen) / 100m, green.Count, sameDay, Percent.Of(sameDay, green.Count),
            callbacks.Count, Percent.Mean([.. callbacks.Select(s => (decimal)s)]), satisfied, Percent.Of(satisfied, callbacks.Count),
            consultations, stations, duty, scores.Count, Percent.Mean([.. scores.Select(s => (decimal)s)]), closed.Sum(c => c.SubsidyFen) / 100m, hearings), missed);
    }

    private static string? Iso(DateOnly? d) => d is { } x ? Dates.Iso(x) : null;
}
