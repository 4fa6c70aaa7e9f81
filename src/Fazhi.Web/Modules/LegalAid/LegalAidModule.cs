using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Modules;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Features;
using Fazhi.Web.Modules.LegalAid.Rules;
using Fazhi.Web.Modules.LegalAid.Stats;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid;

/// <summary>法律援助: applications and notices, review, assignment, closure and 回访; consultations; roster, workstations,
/// 办案补贴; documents and figures.</summary>
public sealed class LegalAidModule : IFazhiModule
{
    public ModuleManifest Manifest { get; } = new()
    {
        Code = "legalaid",
        Name = "法律援助",
        TablePrefix = "aid_",
        Namespace = typeof(LegalAidModule).Namespace!,
        Permissions = LegalAidPermissions.All,
        Roles = [new(LegalAidPermissions.Role, "法律援助中心", "法律援助申请审查、指派、结案、回访，咨询登记，办案补贴",
            [.. LegalAidPermissions.All.Select(p => p.Code)])],
        Menu = new NavSection("法律援助", 130,
        [
            new NavItem("工作台", "/legal-aid", LegalAidPermissions.CaseView),
            new NavItem("援助案件", "/legal-aid/cases", LegalAidPermissions.CaseView),
            new NavItem("收到申请", "/legal-aid/new", LegalAidPermissions.CaseIntake),
            new NavItem("咨询登记", "/legal-aid/consultations", LegalAidPermissions.CaseView),
            new NavItem("人员与工作站", "/legal-aid/roster", LegalAidPermissions.CaseView),
            new NavItem("工作站管理", "/legal-aid/workstations", LegalAidPermissions.CaseView),
            new NavItem("办案补贴", "/legal-aid/subsidies", LegalAidPermissions.CaseView),
        ]),
        DemoUsers =
        [
            new("huancui-fy", "环翠区法律援助中心", "371002-SFJ", [LegalAidPermissions.Role]),
            new("rongcheng-fy", "荣成市法律援助中心", "371082-SFJ", [LegalAidPermissions.Role]),
            new("hedong-fy", "河东区法律援助中心", "120102-SFJ", [LegalAidPermissions.Role]),
        ],
    };

    public void Add(IServiceCollection services, IConfiguration config)
    {
        services.Configure<AidRulesOptions>(config.GetSection("LegalAid"));
        services.AddScoped<AidService>();
        services.AddScoped<AidQueries>();
        services.AddScoped<AidDirectory>();
        services.AddScoped<AidWorkstations>();
        services.AddScoped<AidDocuments>();
        services.AddScoped<Contracts.ILegalAidReferrals, AidReferrals>();
        services.AddSingleton<Kernel.Audit.IAuditVocabulary, LegalAidAuditVocabulary>();
        services.AddScoped<AidStats>().AddScoped<AidMetricSource>().AddScoped<IMetricSource>(sp => sp.GetRequiredService<AidMetricSource>());
        services.AddScoped<ICalendarChangeListener, AidCalendarListener>();
        services.AddScoped<IHomeMetricSource, AidHomeMetrics>();
        services.AddScoped<Kernel.Attachments.IAttachmentOwner, AidAttachments>();
        services.AddScoped<Kernel.IDemoDataSource, AidDemoData>();
        services.AddScoped<Kernel.Timers.ITimerExpiryHandler, AidTimerHandler>();
    }

    public void Map(RouteGroupBuilder api) => api.MapLegalAid();
}

/// <summary>A changed holiday schedule moves working-day deadlines (when configured): re-derive the open cases' timers.</summary>
internal sealed class AidCalendarListener(FazhiDb db, AidService cases) : ICalendarChangeListener
{
    public async Task OnCalendarChangedAsync(IReadOnlyList<int> changedYears, CancellationToken ct)
    {
        foreach (var c in await db.AidCases().Where(AidStateMachine.OpenCase).ToListAsync(ct))
            await cases.SyncTimersAsync(c, ct);
        await db.SaveChangesAsync(ct);
    }
}

internal sealed class AidHomeMetrics(FazhiDb db) : IHomeMetricSource
{
    public async Task<IReadOnlyList<HomeMetric>> GetAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!principal.Can(LegalAidPermissions.CaseView))
            return [];
        var reviewing = await db.AidCases().CountAsync(c => c.Status == AidStatus.Reviewing || c.Status == AidStatus.AwaitingMaterials, ct);
        var unassigned = await db.AidCases().CountAsync(c => c.Status == AidStatus.Granted, ct);
        var open = await db.AidCases().CountAsync(c => c.Status == AidStatus.Assigned, ct);
        return
        [
            new HomeMetric("待审查法援申请", reviewing, "/legal-aid/cases?status=Reviewing", LegalAidPermissions.CaseView),
            new HomeMetric("待指派法援案件", unassigned, "/legal-aid/cases?queue=unassigned", LegalAidPermissions.CaseView),
            new HomeMetric("在办法援案件", open, "/legal-aid/cases?status=Assigned", LegalAidPermissions.CaseView),
        ];
    }
}
