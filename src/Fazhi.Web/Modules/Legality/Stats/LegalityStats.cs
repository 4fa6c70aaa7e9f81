using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Contracts;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Stats;

/// <summary>One period's figures (DOMAIN §2.5). 审查事项 = submitted in the period, by kind; 意见 = comments of opinions issued in
/// the period; 采纳率 = comments answered 采纳 or 部分采纳 ÷ comments answered; 规范性文件制发并备案 = published in the period,
/// reviewed and filed (政府 with the higher government, 部门 with the district government).</summary>
public sealed record LegalityFigures(
    int Submitted, IReadOnlyDictionary<string, int> ByKind, int Opinions, int Comments, int Answered, int Adopted, decimal? AdoptionRate,
    int GovernmentDocuments, int DepartmentDocuments, int FiledLate, int Evaluated, int ContractsReviewed, int ContractsFiled,
    int MajorDecisionsReviewed, int Rulings);

public sealed record LegalityChange(decimal? GovernmentDocuments, decimal? DepartmentDocuments, decimal? Submitted, decimal? ContractsFiled);

public sealed record LegalityStatsAnswer(string Org, string OrgName, string From, string To, LegalityFigures Current, string PreviousFrom, string PreviousTo,
    LegalityFigures Previous, LegalityChange Change);

public sealed class LegalityStats(FazhiDb db, IRulingCounts rulings)
{
    internal async Task<LegalityStatsAnswer> ComputeAsync(string? orgCode, Period period, CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(orgCode) ? null : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode.Trim(), ct)
            ?? throw new NotFoundException($"机构“{orgCode}”不存在或不在您的数据权限范围内。");
        var path = unit?.Path ?? (db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix);
        var previous = period.SamePeriodLastYear();
        var c = await FiguresAsync(path, period.From, period.To, ct);
        var p = await FiguresAsync(path, previous.From, previous.To, ct);
        return new LegalityStatsAnswer(unit?.Code ?? "", unit?.Name ?? "全部", period.FromIso, period.ToIso, c, previous.FromIso, previous.ToIso, p,
            new LegalityChange(Percent.Change(c.GovernmentDocuments, p.GovernmentDocuments), Percent.Change(c.DepartmentDocuments, p.DepartmentDocuments),
                Percent.Change(c.Submitted, p.Submitted), Percent.Change(c.ContractsFiled, p.ContractsFiled)));
    }

    private async Task<LegalityFigures> FiguresAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var matters = db.Matters().AsNoTracking().Where(m => db.OrgUnits.Any(o => o.Id == m.OrgUnitId && o.Path.StartsWith(path)));
        var byKind = (await matters.Where(m => m.SubmittedOn >= from && m.SubmittedOn <= to).GroupBy(m => m.Kind).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key.ToString(), x => x.N);
        var issued = matters.Where(m => m.OpinionIssuedOn >= from && m.OpinionIssuedOn <= to);
        var opinions = await issued.CountAsync(ct);
        var comments = issued.SelectMany(m => m.Comments);
        var commentCount = await comments.CountAsync(ct);
        var answered = await comments.CountAsync(c => c.Adoption != null, ct);
        var adopted = await comments.CountAsync(c => c.Adoption == Adoption.Adopted || c.Adoption == Adoption.PartlyAdopted, ct);
        var contractsReviewed = await issued.CountAsync(m => m.Kind == MatterKind.Contract, ct);
        var majorReviewed = await issued.CountAsync(m => m.Kind == MatterKind.MajorDecision, ct);

        var docs = db.NormativeDocuments().AsNoTracking().Where(d => db.OrgUnits.Any(o => o.Id == d.OrgUnitId && o.Path.StartsWith(path)));
        var published = docs.Where(d => d.PublishedOn >= from && d.PublishedOn <= to && d.FiledWithGovernmentOn != null);
        var gov = await published.CountAsync(d => d.Level == DocumentLevel.Government, ct);
        var dept = await published.CountAsync(d => d.Level == DocumentLevel.Department, ct);
        var late = await docs.CountAsync(d => (d.FiledWithGovernmentOn >= from && d.FiledWithGovernmentOn <= to && d.FiledWithGovernmentLate) ||
                                              (d.FiledWithCongressOn >= from && d.FiledWithCongressOn <= to && d.FiledWithCongressLate), ct);
        var evaluated = await docs.CountAsync(d => d.EvaluatedOn >= from && d.EvaluatedOn <= to, ct);
        var contractsFiled = await db.LegContracts().AsNoTracking()
            .CountAsync(c => c.FiledOn >= from && c.FiledOn <= to && db.OrgUnits.Any(o => o.Id == c.OrgUnitId && o.Path.StartsWith(path)), ct);
        return new LegalityFigures(byKind.Values.Sum(), byKind, opinions, commentCount, answered, adopted, Percent.Of(adopted, answered),
            gov, dept, late, evaluated, contractsReviewed, contractsFiled, majorReviewed, await rulings.CountAsync(path, from, to, ct));
    }
}

/// <summary>合法性审查 figures through the metric contract (the stats endpoint and page read <see cref="AnswerAsync"/>).</summary>
public sealed class LegalityMetricSource(LegalityStats stats, MetricCache cache, ICurrentUser user) : IMetricSource
{
    private const string Items = "件", Pct = "%";

    public string Module => ReviewServiceModule;

    private const string ReviewServiceModule = "legality";

    public string TablePrefix => "leg_";

    public string ReadPermission => LegalityPermissions.View;

    public IReadOnlyList<MetricDefinition> Definitions { get; } =
    [
        new("legality.submitted", "送审事项", Items, "期间内送审的合法性审查事项，按类别") { Dimensions = [MetricDimensions.Kind] },
        new("legality.opinions", "出具审核意见书", Items, "期间内出具的审核意见书"),
        new("legality.comments", "审查意见", "条", "期间内出具的意见书所含审查意见条数"),
        new("legality.answered", "已反馈意见", "条", "其中送审单位已反馈采纳情况的"),
        new("legality.adopted", "采纳意见", "条", "反馈为采纳或部分采纳的"),
        new("legality.adoption_rate", "意见采纳率", Pct, "采纳或部分采纳 ÷ 已反馈", Rollup.Ratio) { Numerator = "legality.adopted", Denominator = "legality.answered" },
        new("legality.government_documents", "政府规范性文件（审核并备案）", Items, "期间内公布、经合法性审核并已报备案的政府规范性文件"),
        new("legality.department_documents", "部门规范性文件（审核并备案）", Items, "期间内公布、经合法性审核并已报备案的部门规范性文件"),
        new("legality.filed_late", "逾期备案", Items, "期间内逾期报送的备案"),
        new("legality.evaluated", "后评估", Items, "期间内完成后评估的规范性文件"),
        new("legality.contracts_reviewed", "审查合同", Items, "期间内出具审核意见的合同"),
        new("legality.contracts_filed", "合同备案", Items, "期间内备案的合同"),
        new("legality.major_decisions", "重大行政决策合法性审查", Items, "期间内出具审核意见的重大行政决策"),
        new("legality.rulings", "12345裁定意见", Items, "期间内作出的12345疑难工单裁定意见（由12345模块提供）"),
    ];

    public Task<LegalityStatsAnswer> AnswerAsync(string? orgCode, Period period) =>
        cache.GetOrComputeAsync(TablePrefix, user, $"stats|{orgCode?.Trim()}|{period}", () => stats.ComputeAsync(orgCode, period, CancellationToken.None));

    public async Task<MetricSet> GetAsync(string? orgCode, Period period, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var a = await AnswerAsync(orgCode, period);
        var (c, p) = (a.Current, a.Previous);
        return new MetricSet(a.Org, a.OrgName, period, period.SamePeriodLastYear(),
        [
            new("legality.submitted", c.Submitted, p.Submitted)
            {
                Parts = [.. Enum.GetValues<MatterKind>().Select(k => new MetricPart(MetricDimensions.Kind, k.ToString(), LegalityNames.Of(k),
                    c.ByKind.GetValueOrDefault(k.ToString()), p.ByKind.GetValueOrDefault(k.ToString())))],
                Records = "/legality/matters",
            },
            new("legality.opinions", c.Opinions, p.Opinions),
            new("legality.comments", c.Comments, p.Comments),
            new("legality.answered", c.Answered, p.Answered),
            new("legality.adopted", c.Adopted, p.Adopted),
            new("legality.adoption_rate", c.AdoptionRate, p.AdoptionRate),
            new("legality.government_documents", c.GovernmentDocuments, p.GovernmentDocuments),
            new("legality.department_documents", c.DepartmentDocuments, p.DepartmentDocuments),
            new("legality.filed_late", c.FiledLate, p.FiledLate),
            new("legality.evaluated", c.Evaluated, p.Evaluated),
            new("legality.contracts_reviewed", c.ContractsReviewed, p.ContractsReviewed),
            new("legality.contracts_filed", c.ContractsFiled, p.ContractsFiled),
            new("legality.major_decisions", c.MajorDecisionsReviewed, p.MajorDecisionsReviewed),
            new("legality.rulings", c.Rulings, p.Rulings),
        ]);
    }
}
