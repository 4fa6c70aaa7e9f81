using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Modules;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Data;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features;
using Fazhi.Web.Modules.Reconsideration.Features.Public;
using Fazhi.Web.Modules.Reconsideration.Rules;
using Fazhi.Web.Modules.Reconsideration.Stats;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration;

/// <summary>行政复议 and 行政应诉: the module's services, permissions, role, menu, timers, demo users and endpoints.</summary>
public sealed class ReconsiderationModule : IFazhiModule
{
    public ModuleManifest Manifest { get; } = new()
    {
        Code = "recon",
        Name = "行政复议",
        TablePrefix = "recon_",
        Namespace = typeof(ReconsiderationModule).Namespace!,
        Permissions = ReconPermissions.All,
        Roles = [new(ReconPermissions.Role, "行政复议科", "行政复议案件受理、审理、决定，行政应诉",
            [.. ReconPermissions.All.Select(p => p.Code).Where(c => c is not (ReconPermissions.ApprovalDecide or ReconPermissions.TemplateEdit))])],
        Grants = [new(Roles.Leader, [ReconPermissions.ApprovalDecide])],
        Dictionaries = [LitigationRules.LossReasons],
        Menu = new NavSection("行政复议", 100,
        [
            new NavItem("案件办理", "/reconsideration/cases", ReconPermissions.CaseView),
            new NavItem("收到申请", "/reconsideration/new", ReconPermissions.CaseIntake),
            new NavItem("行政应诉", "/reconsideration/litigation", ReconPermissions.LitigationView),
            new NavItem("台账导入导出", "/reconsideration/import", ReconPermissions.LedgerImport),
            new NavItem("统计分析", "/reconsideration/stats", ReconPermissions.CaseView),
            new NavItem("文书模板", "/reconsideration/templates", ReconPermissions.CaseView),
            new NavItem("审批台", "/reconsideration/desk", ReconPermissions.ApprovalDecide),
            new NavItem("复议委员会", "/reconsideration/committee", ReconPermissions.CaseView),
        ]),
        DemoUsers =
        [
            new("huancui", "环翠区司法局 复议科", "371002-SFJ", [ReconPermissions.Role]),
            new("rongcheng", "荣成市司法局 复议科", "371082-SFJ", [ReconPermissions.Role]),
            new("laoshan", "崂山区司法局 复议科", "370212-SFJ", [ReconPermissions.Role]),
            new("hedong", "河东区司法局 复议科", "120102-SFJ", [ReconPermissions.Role]),
        ],
    };

    public void Add(IServiceCollection services, IConfiguration config)
    {
        services.Configure<ReconRulesOptions>(config.GetSection("Reconsideration"));
        services.AddScoped<ReconCaseService>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<LitigationService>();
        services.AddScoped<DocumentService>();
        services.AddScoped<Features.CaseFile.CaseFileService>();
        services.AddScoped<ReconApprovalService>().AddScoped<Kernel.Approvals.IApprovalHandler, ReconApprovalHandler>();
        services.AddSingleton<Kernel.Audit.IAuditVocabulary, ReconAuditVocabulary>();
        services.AddScoped<Import.LedgerImporter>();
        services.AddScoped<ReconStats>().AddScoped<ReconMetricSource>().AddScoped<IMetricSource>(sp => sp.GetRequiredService<ReconMetricSource>());
        services.AddScoped<ITimerExpiryHandler, ReconTimerHandler>();
        services.AddScoped<ICalendarChangeListener, ReconCalendarListener>();
        services.AddScoped<ICalendarChangeListener, LitigationCalendarListener>();
        services.AddScoped<IHomeMetricSource, ReconHomeMetrics>();
        services.AddScoped<Kernel.Attachments.IAttachmentOwner, CaseAttachments>();
        services.AddScoped<IWorkItemSource, ReconWorkItems>();
        services.AddScoped<Features.Desk.DeskService>().AddScoped<IHomeMetricSource, Features.Desk.ReconDeskHomeMetrics>(); // issue 15 §6
        services.AddScoped<Features.Public.PublicReconService>().AddPublicRateLimit(config);
        services.AddScoped<Features.Committee.CommitteeService>().AddScoped<Import.RespondentAliasService>().AddScoped<Kernel.IDemoDataSource, Features.ReconDemoData>();
    }

    public void Map(RouteGroupBuilder api)
    {
        api.MapReconsideration();
        Features.Committee.CommitteeEndpoints.MapReconCommittee(api);
    }
}

/// <summary>第三十条第三款: when the review period runs out without a 不予受理 decision, the case is deemed accepted
/// on the day the period expired.</summary>
internal sealed class ReconTimerHandler(FazhiDb db, ReconCaseService cases) : ITimerExpiryHandler
{
    public string Module => ReconCaseService.Module;

    public async Task OnExpiredAsync(WorkTimer timer, CancellationToken ct)
    {
        if (timer.Kind != ReconDeadlines.Review)
            return;
        var c = await db.ReconCases().Include(x => x.Suspensions).Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == timer.OwnerId, ct);
        if (c is not { Status: CaseStatus.Reviewing })
            return;
        c.DeemAccept(timer.DueOn, db.Clock.GetUtcNow().UtcDateTime);
        await cases.SyncTimersAsync(c, ct);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A changed holiday schedule moves working-day deadlines: re-derive the timers of every open case.</summary>
internal sealed class ReconCalendarListener(FazhiDb db, ReconCaseService cases) : ICalendarChangeListener
{
    public async Task OnCalendarChangedAsync(IReadOnlyList<int> changedYears, CancellationToken ct)
    {
        var open = await db.ReconCases().Include(c => c.Suspensions)
            .Where(CaseStateMachine.OpenCase)
            .ToListAsync(ct);
        foreach (var c in open)
            await cases.SyncTimersAsync(c, ct);
        await db.SaveChangesAsync(ct);
    }
}

internal sealed class ReconHomeMetrics(FazhiDb db, ICurrentUser user) : IHomeMetricSource
{
    public async Task<IReadOnlyList<HomeMetric>> GetAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!principal.Can(ReconPermissions.CaseView))
            return [];
        var open = await db.ReconCases().Where(CaseStateMachine.OpenCase).CountAsync(ct);
        var today = DateOnly.FromDateTime(Kernel.ChinaTime.Now(db.Clock));
        var overdue = await db.WorkTimers.Where(t => t.Module == ReconCaseService.Module && (t.State == TimerState.Running || t.State == TimerState.Warned || t.State == TimerState.Expired) && t.DueOn < today)
            .Select(t => t.OwnerId).Distinct().CountAsync(ct);
        var mine = await db.ReconCases().Where(CaseStateMachine.OpenCase).CountAsync(c => c.AssigneeUserName == user.UserName, ct);
        return
        [
            new HomeMetric("在办复议案件", open, "/reconsideration/cases?queue=open", ReconPermissions.CaseView),
            new HomeMetric("我承办的案件", mine, "/reconsideration/cases?queue=mine", ReconPermissions.CaseView),
            new HomeMetric("超期复议案件", overdue, "/reconsideration/cases?queue=overdue", ReconPermissions.CaseView),
        ];
    }
}
