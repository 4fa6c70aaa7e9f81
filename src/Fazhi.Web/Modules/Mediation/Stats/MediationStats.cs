using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Dictionaries;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Modules.Mediation.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Stats;

/// <summary>One row of the report-category table ([001]: 排查 found 1,963 = 家事类 697 + …; all resolved).</summary>
public sealed record ReportRow(string Category, int Found, int Resolved);

public sealed record MediationFigures(
    int Received, IReadOnlyDictionary<string, int> ByCategory, IReadOnlyDictionary<string, int> BySource, int Concluded, int Succeeded,
    decimal? SuccessRate, decimal Amount, int Written, int Oral, int ConfirmationApplied, int Confirmed, int Screenings, int Found, int Prevented,
    int ZeroReports, int PointReports, int PointResolved, int PointEducation, IReadOnlyList<ReportRow> ReportTable);

public sealed record MediationStatsAnswer(string Org, string OrgName, string From, string To, MediationFigures Current, string PreviousFrom, string PreviousTo,
    MediationFigures Previous, string? FoundedOn = null, MediationFigures? SinceFounding = null);

/// <summary>
/// 人民调解 figures (DOMAIN §2.6) for a unit and below over a period: 受理 = disputes registered in the period; 调解成功 and
/// 调结 (成功 + 不成 + 终止) = disputes closed in the period; 成功率 = 成功 ÷ 调结; 涉及金额 = of disputes succeeded in the period;
/// 书面/口头协议 by agreement date; 司法确认 applied (application date) and confirmed (ruling 有效, ruling date); 排查 by date;
/// 说事点 reports by date. The report table: disputes from 排查 registered in the period, by report category (字典
/// <see cref="Categories.ReportType"/>), with those resolved (调解成功). For a committee also "since founding" (成立至今).
/// </summary>
public sealed class MediationStats(FazhiDb db, IDictionaries dicts)
{
    internal async Task<MediationStatsAnswer> ComputeAsync(string? orgCode, Period period, DateOnly today, CancellationToken ct)
    {
        var code = orgCode?.Trim().ToUpperInvariant();
        var unit = string.IsNullOrEmpty(code) ? null : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct)
            ?? throw new NotFoundException($"机构“{orgCode}”不存在或不在您的数据权限范围内。");
        var path = unit?.Path ?? (db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix);
        var previous = period.SamePeriodLastYear();
        var committee = unit is { Kind: OrgKind.MediationCommittee } ? await db.Committees().AsNoTracking().FirstOrDefaultAsync(c => c.OrgUnitId == unit.Id, ct) : null;
        return new MediationStatsAnswer(unit?.Code ?? "", unit?.Name ?? "全部", period.FromIso, period.ToIso, await FiguresAsync(path, period.From, period.To, ct),
            previous.FromIso, previous.ToIso, await FiguresAsync(path, previous.From, previous.To, ct),
            committee is null ? null : Dates.Iso(committee.FoundedOn),
            committee is null ? null : await FiguresAsync(path, committee.FoundedOn, today, ct));
    }

    private async Task<MediationFigures> FiguresAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var disputes = db.Disputes().AsNoTracking().Where(d => db.OrgUnits.Any(o => o.Id == d.OrgUnitId && o.Path.StartsWith(path)));
        var received = await disputes.Where(d => d.ReceivedOn >= from && d.ReceivedOn <= to)
            .Select(d => new { d.Category, d.Source, d.Status }).ToListAsync(ct);
        var categories = (await dicts.ItemsAsync(Categories.Type, ct)).ToDictionary(i => i.Code, i => i.Label);
        var reportMap = (await dicts.ItemsAsync(Categories.ReportType, ct)).ToDictionary(i => i.Code, i => i.Label);
        var closed = await disputes.Where(d => d.ClosedOn >= from && d.ClosedOn <= to &&
                (d.Status == DisputeStatus.Succeeded || d.Status == DisputeStatus.Failed || d.Status == DisputeStatus.Terminated))
            .Select(d => new { d.Status, d.AmountFen, d.Agreement }).ToListAsync(ct);
        var succeeded = closed.Where(c => c.Status == DisputeStatus.Succeeded).ToList();
        var applied = await disputes.CountAsync(d => d.ConfirmationAppliedOn >= from && d.ConfirmationAppliedOn <= to, ct);
        var confirmed = await disputes.CountAsync(d => d.ConfirmationRuledOn >= from && d.ConfirmationRuledOn <= to && d.ConfirmationResult == ConfirmationResult.Valid, ct);
        var screenings = await db.Screenings().AsNoTracking().Where(s => s.On >= from && s.On <= to && db.OrgUnits.Any(o => o.Id == s.OrgUnitId && o.Path.StartsWith(path)))
            .Select(s => new { s.Found, s.Prevented, s.ZeroReport }).ToListAsync(ct);
        var reports = await db.TalkPointReports().AsNoTracking().Where(r => r.On >= from && r.On <= to && db.OrgUnits.Any(o => o.Id == r.OrgUnitId && o.Path.StartsWith(path)))
            .Select(r => new { r.Resolved, r.LegalEducation }).ToListAsync(ct);
        var fromScreening = received.Where(r => r.Source == DisputeSource.Screening).ToList();
        string ReportOf(string code) => reportMap.TryGetValue(code, out var label) && Categories.ReportOrder.Contains(label) ? label : Categories.ReportOther;
        var table = Categories.ReportOrder.Select(cat => new ReportRow(cat,
            fromScreening.Count(r => ReportOf(r.Category) == cat), fromScreening.Count(r => ReportOf(r.Category) == cat && r.Status == DisputeStatus.Succeeded))).ToList();
        return new MediationFigures(received.Count,
            received.GroupBy(r => categories.GetValueOrDefault(r.Category, r.Category)).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count()),
            received.GroupBy(r => MediationNames.Of(r.Source)).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count()),
            closed.Count, succeeded.Count, Percent.Of(succeeded.Count, closed.Count), Amounts.ToYuan(succeeded.Sum(s => s.AmountFen)),
            succeeded.Count(s => s.Agreement == AgreementKind.Written), succeeded.Count(s => s.Agreement == AgreementKind.Oral), applied, confirmed,
            screenings.Count(s => !s.ZeroReport), screenings.Sum(s => s.Found), screenings.Sum(s => s.Prevented), screenings.Count(s => s.ZeroReport),
            reports.Count, reports.Count(r => r.Resolved), reports.Count(r => r.LegalEducation), table);
    }
}
