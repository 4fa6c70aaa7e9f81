using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Metrics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fazhi.Web.Kernel.Pages;

[RequiresPermission(PermissionPolicies.SignedIn)]
public sealed class HomeModel(IEnumerable<IHomeMetricSource> sources, CalendarService calendar, TimeProvider clock,
    Fazhi.Web.Data.FazhiDb db, IEnumerable<Web.IWorkItemSource> workSources) : PageModel
{
    /// <summary>我的待办: each module's cards the user holds the list permission for.</summary>
    public List<Web.WorkItem> WorkItems { get; } = [];

    public List<HomeMetric> Metrics { get; } = [];
    public DateOnly Today { get; private set; }
    public string TodayText { get; private set; } = "";
    public string ScopeText { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        foreach (var source in sources)
            Metrics.AddRange((await source.GetAsync(User, ct)).Where(m => User.Can(m.Permission)));
        foreach (var source in workSources)
            WorkItems.AddRange((await source.GetAsync(User, ct)).Where(i => User.Can(i.Permission)));
        Today = DateOnly.FromDateTime(ChinaTime.Now(clock));
        var cal = calendar.Current;
        if (cal.IsKnown(Today))
        {
            var day = cal.Describe(Today);
            TodayText = day.IsWorkingDay ? (day.IsMakeUpDay ? $"调休上班（{day.Name}）" : "工作日") : $"休息日{(day.Name is null ? "" : "（" + day.Name + "）")}";
        }
        else
            TodayText = "（本年度节假日安排尚未录入）";
        var scope = db.Actor.Scope;
        var unit = scope.IsAll ? null : (await db.Orgs.FindByPathAsync(scope.PathPrefix, ct))?.Name;
        ScopeText = scope.IsAll ? "全部机构" : $"{unit ?? "本机构"}及其全部下级机构";
    }
}
