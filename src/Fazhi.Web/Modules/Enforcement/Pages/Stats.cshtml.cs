using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Stats;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Enforcement.Pages;

/// <summary>统计分析: every figure of <see cref="EnforcementStatsAnswer"/> for a unit and a period, each beside the same
/// period a year earlier (同比).</summary>
[RequiresPermission(EnforcementPermissions.StatsView)]
public sealed class StatsModel(EnforcementMetricSource figures, FazhiDb db) : FazhiPageModel
{
    public sealed record Group(string Title, IReadOnlyList<EnforcementView.Figure> Figures);

    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public EnforcementStatsAnswer? Answer { get; private set; }
    public List<OrgUnit> Units { get; private set; } = [];
    public int MinDepth => Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
    public bool AllowAll => db.Actor.Scope.IsAll;
    public List<Group> Groups { get; } = [];
    public List<(string Label, string From, string To)> Presets { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await EnforcementView.UnitsAsync(db, departmentsOnly: false, ct);
        var today = Dates.Today(db.Clock);
        Org ??= await EnforcementView.ScopeOrgAsync(db, ct);
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        Presets.Add(("本年至今", Dates.Iso(new DateOnly(today.Year, 1, 1)), Dates.Iso(today)));
        var quarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        Presets.Add(("本季度", Dates.Iso(quarter), Dates.Iso(today)));
        Presets.Add(($"{today.Year - 1}年全年", $"{today.Year - 1}-01-01", $"{today.Year - 1}-12-31"));
        Presets.Add(($"{today.Year - 1}年上半年", $"{today.Year - 1}-01-01", $"{today.Year - 1}-06-30"));
        Presets.Add(($"{today.Year - 1}年下半年", $"{today.Year - 1}-07-01", $"{today.Year - 1}-12-31"));
        if (await TryAsync(() => figures.AnswerAsync(Org, Period.Parse(From, To))) is not { } answer)
            return;
        Answer = answer;
        var (c, p) = (answer.Current, answer.Previous);
        Groups.Add(new("执法行为", [
            EnforcementView.Count("行政检查", c.Records.Inspections, p.Records.Inspections),
            EnforcementView.Count("行政处罚", c.Records.Penalties, p.Records.Penalties),
            EnforcementView.Count("行政强制", c.Records.Coercions, p.Records.Coercions),
            EnforcementView.Count("其他执法行为", c.Records.Others, p.Records.Others),
            EnforcementView.Count("合计", c.Records.Total, p.Records.Total),
            EnforcementView.Count("不罚轻罚", c.Records.Lenient, p.Records.Lenient),
            EnforcementView.Money("罚没金额（元）", c.Records.Amount, p.Records.Amount),
        ]));
        Groups.Add(new("预警与案卷评查", [
            EnforcementView.Count("预警下发", c.WarningsRaised, p.WarningsRaised),
            EnforcementView.Count("预警销号", c.WarningsClosed, p.WarningsClosed),
            EnforcementView.Count("逾期未处理", c.WarningsOverdue, p.WarningsOverdue),
            EnforcementView.Count("评查案卷", c.FilesReviewed, p.FilesReviewed),
            EnforcementView.Points("评查平均分", c.AverageScore, p.AverageScore, "", "分"),
        ]));
        var (cc, pc) = (c.Certificates, p.Certificates);
        Groups.Add(new("执法人员与执法证", [
            EnforcementView.Count("期初持证", cc.HeldAtStart, pc.HeldAtStart),
            EnforcementView.Count("期内保持有效", cc.Kept, pc.Kept),
            EnforcementView.Count("注销或撤销", cc.Revoked, pc.Revoked),
            EnforcementView.Count("新领证", cc.New, pc.New),
            EnforcementView.Count("期末持证", cc.HeldAtEnd, pc.HeldAtEnd),
            EnforcementView.Count("参加培训人数", cc.Trained, pc.Trained),
            EnforcementView.Hours("培训学时", cc.TrainingHours, pc.TrainingHours),
            EnforcementView.Count("参加考试人次", cc.Examined, pc.Examined),
            EnforcementView.Count("考试通过人次", cc.Passed, pc.Passed),
            EnforcementView.Points("考试通过率", cc.PassRate, pc.PassRate, "%", "个百分点"),
        ]));
        Groups.Add(new("涉企检查计划", [
            EnforcementView.Count("计划检查（户次）", c.Plans.PlannedVisits, p.Plans.PlannedVisits),
            EnforcementView.Count("实际涉企检查", c.Plans.ActualVisits, p.Plans.ActualVisits),
            EnforcementView.Count("联合检查", c.Plans.JointInspections, p.Plans.JointInspections),
            EnforcementView.Count("减少入企次数", c.Plans.VisitsSaved, p.Plans.VisitsSaved),
        ]));
    }

    /// <summary>Departments of either period, this period's busiest first.</summary>
    public IEnumerable<(string Code, string Name, KindCounts? Now, KindCounts? Before)> DepartmentRows =>
        Answer is not { } a ? [] :
        a.Current.ByDepartment.Select(d => (d.Code, d.Name, (KindCounts?)d.Counts, a.Previous.ByDepartment.FirstOrDefault(x => x.Code == d.Code)?.Counts))
            .Concat(a.Previous.ByDepartment.Where(x => a.Current.ByDepartment.All(d => d.Code != x.Code)).Select(x => (x.Code, x.Name, (KindCounts?)null, (KindCounts?)x.Counts)));
}
