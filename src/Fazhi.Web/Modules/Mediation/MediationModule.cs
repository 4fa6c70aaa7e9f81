using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Modules;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Modules.Mediation.Features;
using Fazhi.Web.Modules.Mediation.Rules;
using Fazhi.Web.Modules.Mediation.Stats;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation;

/// <summary>人民调解: committees, mediators, 排查, 说事点, disputes from 登记 to 司法确认 and 回访, documents, figures, 以案定补.</summary>
public sealed class MediationModule : IFazhiModule
{
    public ModuleManifest Manifest { get; } = new()
    {
        Code = "mediation",
        Name = "人民调解",
        TablePrefix = "med_",
        Namespace = typeof(MediationModule).Namespace!,
        Permissions = MediationPermissions.All,
        Roles =
        [
            new(MediationPermissions.Role, "人民调解员", "登记、办理本调解委员会的纠纷，登记排查和说事点信息",
                [MediationPermissions.DisputeView, MediationPermissions.DisputeRegister, MediationPermissions.DisputeHandle, MediationPermissions.DocumentGenerate, MediationPermissions.ScreeningRecord]),
            new(MediationPermissions.SectionRole, "调解科", "人民调解全部业务：委员会、调解员、纠纷、排查、以案定补、台账",
                [.. MediationPermissions.All.Select(p => p.Code)]),
        ],
        Menu = new NavSection("人民调解", 200,
        [
            new NavItem("调解工作台", "/mediation", MediationPermissions.DisputeView),
            new NavItem("纠纷台账", "/mediation/disputes", MediationPermissions.DisputeView),
            new NavItem("登记纠纷", "/mediation/new", MediationPermissions.DisputeRegister),
            new NavItem("纠纷排查", "/mediation/screenings", MediationPermissions.DisputeView),
            new NavItem("委员会与调解员", "/mediation/committees", MediationPermissions.DisputeView),
            new NavItem("以案定补", "/mediation/subsidy", MediationPermissions.DisputeView),
        ]),
        Dictionaries = [Categories.Dictionary, Categories.ReportDictionary],
        DemoUsers =
        [
            new("huancui-tj", "环翠区司法局 调解科", "371002-SFJ", [MediationPermissions.SectionRole]),
            new("jingyuan-tj", "鲸园司法所 人民调解员", "371002001-SFS", [MediationPermissions.Role]),
        ],
    };

    public void Add(IServiceCollection services, IConfiguration config)
    {
        services.Configure<MediationOptions>(config.GetSection("Mediation"));
        services.AddScoped<DisputeService>();
        services.AddScoped<MediationRegistry>();
        services.AddScoped<MediationDocuments>();
        services.AddScoped<SubsidyService>();
        services.AddScoped<Import.DisputeLedgerImporter>();
        services.AddScoped<Contracts.IMediationReferrals, MediationReferrals>();
        services.AddSingleton<Kernel.Audit.IAuditVocabulary, MediationAuditVocabulary>();
        services.AddScoped<MediationStats>().AddScoped<MediationMetricSource>().AddScoped<IMetricSource>(sp => sp.GetRequiredService<MediationMetricSource>());
        services.AddScoped<ICalendarChangeListener, MediationCalendarListener>();
        services.AddScoped<IHomeMetricSource, MediationHomeMetrics>();
        services.AddScoped<Kernel.IDemoDataSource, MediationDemoData>();
        services.AddScoped<Kernel.Attachments.IAttachmentOwner, DisputeAttachments>();
        services.AddScoped<Kernel.Timers.ITimerExpiryHandler, MediationTimerHandler>();
    }

    public void Map(RouteGroupBuilder api) => api.MapMediation();
}

/// <summary>A changed holiday schedule moves the 司法确认 deadline (its last day rolls off rest days): re-sync open timers.</summary>
internal sealed class MediationCalendarListener(FazhiDb db, DisputeService disputes) : ICalendarChangeListener
{
    public async Task OnCalendarChangedAsync(IReadOnlyList<int> changedYears, CancellationToken ct)
    {
        var list = await db.Disputes().Where(d => d.Status == DisputeStatus.Registered || d.Status == DisputeStatus.Mediating ||
            (d.Status == DisputeStatus.Succeeded && d.ConfirmationAppliedOn == null && !d.Imported)).ToListAsync(ct);
        foreach (var d in list)
            await disputes.SyncTimersAsync(d, ct);
        await db.SaveChangesAsync(ct);
    }
}

internal sealed class MediationHomeMetrics(DisputeService disputes) : IHomeMetricSource
{
    public async Task<IReadOnlyList<HomeMetric>> GetAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!principal.Can(MediationPermissions.DisputeView))
            return [];
        var open = await (await disputes.VisibleAsync(ct)).Where(DisputeStateMachine.OpenDispute).CountAsync(ct);
        return [new HomeMetric("在调纠纷", open, "/mediation/disputes?status=Mediating", MediationPermissions.DisputeView)];
    }
}
