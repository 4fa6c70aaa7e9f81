using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Modules;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Features;
using Fazhi.Web.Modules.Legality.Features.Office;
using Fazhi.Web.Modules.Legality.Rules;
using Fazhi.Web.Modules.Legality.Stats;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality;

/// <summary>合法性审查与法治政府建设: the review workflow, 规范性文件, 合同 and their figures.</summary>
public sealed class LegalityModule : IFazhiModule
{
    public ModuleManifest Manifest { get; } = new()
    {
        Code = "legality",
        Name = "合法性审查",
        TablePrefix = "leg_",
        Namespace = typeof(LegalityModule).Namespace!,
        Permissions = LegalityPermissions.All,
        Roles =
        [
            new(LegalityPermissions.SubmitterRole, "送审单位", "部门、镇街：报送合法性审查事项，反馈采纳情况，管理本单位规范性文件和合同",
                [LegalityPermissions.View, LegalityPermissions.Submit, LegalityPermissions.DocumentManage, LegalityPermissions.ContractManage,
                 LegalityPermissions.OfficeView, LegalityPermissions.OfficeReport, LegalityPermissions.DecisionManage]),
            new(LegalityPermissions.ReviewerRole, "法制审核科", "收件、审查、出具审核意见书，备案登记",
                [LegalityPermissions.View, LegalityPermissions.Review, LegalityPermissions.Comment, LegalityPermissions.DocumentFile, LegalityPermissions.DocumentManage,
                 LegalityPermissions.ContractManage, LegalityPermissions.Cleanup,
                 LegalityPermissions.DecisionManage, LegalityPermissions.DecisionCatalog, LegalityPermissions.AdviserManage]),
            new(LegalityPermissions.AdviserRole, "法律顾问", "受邀对送审事项提出审查意见", [LegalityPermissions.View, LegalityPermissions.Comment]),
            new(LegalityPermissions.OfficeRole, "依法治区办", "规范性文件清理、备案和统计", [LegalityPermissions.View, LegalityPermissions.Cleanup, LegalityPermissions.DocumentFile,
                LegalityPermissions.OfficeView, LegalityPermissions.OfficeManage, LegalityPermissions.OfficeReport,
                LegalityPermissions.DecisionCatalog, LegalityPermissions.AdviserManage]),
        ],
        Menu = new NavSection("合法性审查", 300,
        [
            new NavItem("送审事项", "/legality/matters", LegalityPermissions.View),
            new NavItem("送审", "/legality/matters/new", LegalityPermissions.Submit),
            new NavItem("规范性文件", "/legality/documents", LegalityPermissions.View),
            new NavItem("合同台账", "/legality/contracts", LegalityPermissions.View),
            new NavItem("重大行政决策", "/legality/decisions", LegalityPermissions.View),
            new NavItem("法律顾问", "/legality/advisers", LegalityPermissions.View),
            new NavItem("统计分析", "/legality/stats", LegalityPermissions.View),
            new NavItem("工作要点督办", "/legality/office/tasks", LegalityPermissions.OfficeView),
            new NavItem("法治建设考核", "/legality/office/assessment", LegalityPermissions.OfficeView),
            new NavItem("依法治区会议", "/legality/office/meetings", LegalityPermissions.OfficeView),
            new NavItem("法治督察", "/legality/office/inspections", LegalityPermissions.OfficeView),
            new NavItem("述法与年度报告", "/legality/office/reports", LegalityPermissions.OfficeView),
            new NavItem("领导干部学法", "/legality/study", LegalityPermissions.OfficeView),
        ]),
        DemoUsers =
        [
            new("huancui-fzsh", "环翠区司法局 法制审核科", "371002-SFJ", [LegalityPermissions.ReviewerRole]),
            new("huancui-gw", "环翠区政府法律顾问", "371002-SFJ", [LegalityPermissions.AdviserRole]),
            new("huancui-yfzq", "环翠区依法治区办", "371002-SFJ", [LegalityPermissions.OfficeRole]),
            new("huancui-scjg", "环翠区市场监管局 报送员", "371002-SCJG", [LegalityPermissions.SubmitterRole]),
            new("huancui-zhzf", "环翠区综合行政执法局 法制员", "371002-ZHZF", [LegalityPermissions.SubmitterRole]),
            new("rongcheng-fzsh", "荣成市司法局 法制审核科", "371082-SFJ", [LegalityPermissions.ReviewerRole]),
        ],
    };

    public void Add(IServiceCollection services, IConfiguration config)
    {
        services.Configure<LegalityOptions>(config.GetSection("Legality"));
        services.AddScoped<ReviewService>();
        services.AddScoped<DocumentService>();
        services.AddScoped<LegalityQueries>();
        services.AddSingleton<Kernel.Audit.IAuditVocabulary, LegalityAuditVocabulary>();
        services.AddScoped<LegalityStats>().AddScoped<LegalityMetricSource>().AddScoped<IMetricSource>(sp => sp.GetRequiredService<LegalityMetricSource>());
        // The 12345 module publishes the 裁定意见 count; until it is wired, 0 (TryAdd: a registration made elsewhere wins).
        services.AddScoped<Contracts.IRulingCounts, Features.HotlineRulingCounts>(); // the 12345 module's count, through its Contracts
        services.AddScoped<ITimerExpiryHandler, LegalityTimerHandler>();
        services.AddScoped<ICalendarChangeListener, LegalityCalendarListener>();
        services.AddScoped<IHomeMetricSource, LegalityHomeMetrics>();
        services.AddScoped<Kernel.Attachments.IAttachmentOwner, MatterAttachments>();
        services.AddScoped<IDemoDataSource, LegalityDemoData>();
        services.AddLegalityOffice(config); // 依法治区办 and 学法 (Features/Office)
        services.Configure<ContractOptions>(config.GetSection("Legality:Contracts"));
        services.AddScoped<ContractService>().AddScoped<Import.ContractImporter>();
        services.AddScoped<ITimerExpiryHandler, ContractTimerHandler>();
        services.AddScoped<DecisionService>().AddScoped<AdviserService>();
        services.AddScoped<IMetricSource, LegalityPracticeMetricSource>(); // 合同、重大行政决策、法律顾问 figures
        services.AddScoped<IDemoDataSource, LegalityPracticeDemoData>();
        services.AddScoped<IDemoDataSource, LegalityPreviousYearDemoData>(); // 上年台账, so 同比 shows (after the practice data: it uses its adviser)
    }

    public void Map(RouteGroupBuilder api)
    {
        api.MapLegality();
        api.MapLegalityOffice();
    }
}

/// <summary>有效期届满: a document still in force lapses the day after its 有效期 (the expiry timer fires then).</summary>
internal sealed class LegalityTimerHandler(FazhiDb db, DocumentService documents) : ITimerExpiryHandler
{
    public string Module => ReviewService.Module;

    public async Task OnExpiredAsync(WorkTimer timer, CancellationToken ct)
    {
        if (timer.Kind != DocumentService.DocumentTimerPrefix + DocumentDeadlines.Expiry)
            return;
        var d = await db.NormativeDocuments().Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == timer.OwnerId, ct);
        if (d is not { Status: DocumentStatus.Published })
            return;
        d.Expire("系统", db.Clock.GetUtcNow().UtcDateTime);
        await documents.SyncTimersAsync(d, ct);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A changed holiday schedule moves working-day review deadlines and rest-day-shifted filing deadlines.</summary>
internal sealed class LegalityCalendarListener(FazhiDb db, ReviewService reviews, DocumentService documents) : ICalendarChangeListener
{
    public async Task OnCalendarChangedAsync(IReadOnlyList<int> changedYears, CancellationToken ct)
    {
        var open = await db.Matters().Include(m => m.Pauses).Include(m => m.Comments)
            .Where(m => m.Status != MatterStatus.Closed && m.Status != MatterStatus.Withdrawn).ToListAsync(ct);
        foreach (var m in open)
            await reviews.SyncTimersAsync(m, ct);
        var published = await db.NormativeDocuments().Where(d => d.Status == DocumentStatus.Published).ToListAsync(ct);
        foreach (var d in published)
            await documents.SyncTimersAsync(d, ct);
        await db.SaveChangesAsync(ct);
    }
}

internal sealed class LegalityHomeMetrics(FazhiDb db) : IHomeMetricSource
{
    public async Task<IReadOnlyList<HomeMetric>> GetAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!principal.Can(LegalityPermissions.View))
            return [];
        var open = await db.Matters().CountAsync(m => m.Status == MatterStatus.Submitted || m.Status == MatterStatus.Received ||
                                                     m.Status == MatterStatus.Reviewing || m.Status == MatterStatus.AwaitingMaterials, ct);
        var adoption = await db.Matters().CountAsync(m => m.Status == MatterStatus.OpinionIssued, ct);
        return
        [
            new HomeMetric("在审合法性审查事项", open, "/legality/matters?queue=open", LegalityPermissions.View),
            new HomeMetric("待反馈采纳情况", adoption, "/legality/matters?queue=adoption", LegalityPermissions.View),
        ];
    }
}

/// <summary>送审材料 (草案、起草说明、依据、征求意见情况) attach to a matter: seen by who sees the matter, added by the
/// submitter or the reviewer.</summary>
public sealed class MatterAttachments(FazhiDb db) : Kernel.Attachments.IAttachmentOwner
{
    public string Module => ReviewService.Module;

    public string EntityType => "matter";

    public string ViewPermission => LegalityPermissions.View;

    public string AttachPermission => LegalityPermissions.Submit;

    public async Task<int?> FindAsync(long entityId, CancellationToken ct) =>
        await db.Matters().AsNoTracking().Where(m => m.Id == entityId).Select(m => (int?)m.OrgUnitId).FirstOrDefaultAsync(ct);
}
