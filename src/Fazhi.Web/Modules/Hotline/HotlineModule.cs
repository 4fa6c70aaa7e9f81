using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Modules;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Hotline.Features;
using Fazhi.Web.Modules.Hotline.Features.Disputes;
using Fazhi.Web.Modules.Hotline.Features.Own;
using Fazhi.Web.Modules.Hotline.Features.Tickets;
using Fazhi.Web.Modules.Hotline.Features.Triage;
using Fazhi.Web.Modules.Hotline.Rules;
using Fazhi.Web.Modules.Hotline.Stats;

namespace Fazhi.Web.Modules.Hotline;

/// <summary>12345 热线: the centre pushes tickets; the bureau triages the Chinese text, mines jurisdiction disputes and
/// settles them by 会商研判 and 裁定意见, hands enforcement complaints to 行政执法监督, and handles its own tickets on time.</summary>
public sealed class HotlineModule : IFazhiModule
{
    public const string Module = "hotline";

    public ModuleManifest Manifest { get; } = new()
    {
        Code = Module,
        Name = "12345热线",
        TablePrefix = "hl_",
        Namespace = typeof(HotlineModule).Namespace!,
        Permissions = HotlinePermissions.All,
        Roles =
        [
            new(HotlinePermissions.AnalystRole, "热线研判", "12345工单研判、管辖争议会商、裁定意见、本局工单办理", HotlinePermissions.Analyst),
            new(HotlinePermissions.CentreRole, "12345热线中心（接口）", "热线中心对接系统的机器账号：只能推送工单", HotlinePermissions.Centre),
        ],
        Menu = new NavSection("12345热线", 260,
        [
            new NavItem("热线工单", "/hotline", HotlinePermissions.TicketView),
            new NavItem("管辖争议与会商", "/hotline/disputes", HotlinePermissions.DisputeView),
            new NavItem("本局工单", "/hotline/own", HotlinePermissions.OwnView),
            new NavItem("工单导入", "/hotline/import", HotlinePermissions.TicketImport),
            new NavItem("统计分析", "/hotline/stats", HotlinePermissions.StatsView),
        ]),
        DemoUsers =
        [
            new("huancui-rx", "环翠区司法局 热线研判", "371002-SFJ", [HotlinePermissions.AnalystRole]),
        ],
        Dictionaries =
        [
            new("hotline.term", "12345研判用户词典（执法术语）",
                [.. TriageVocabulary.DefaultTerms.Select((t, i) => new Kernel.Dictionaries.DictItemDef($"T{i + 1:000}", t))]),
            new("hotline.field", "执法事项清单领域",
                [.. TriageVocabulary.DefaultFields.Select((f, i) => new Kernel.Dictionaries.DictItemDef($"F{i + 1:00}", f))]),
        ],
    };

    public void Add(IServiceCollection services, IConfiguration config)
    {
        services.Configure<OwnTicketOptions>(config.GetSection("Hotline:OwnTickets"));
        services.Configure<ReplyPushOptions>(config.GetSection("Hotline:ReplyPush"));
        services.AddScoped<TicketIngestion>();
        services.AddScoped<TicketQueries>();
        services.AddScoped<TicketMerges>();
        services.AddScoped<TicketEnterprises>();
        services.AddSingleton<Segmenter>();
        services.AddScoped<TriageService>();
        services.AddScoped<DisputeService>();
        services.AddScoped<OwnTicketService>();
        services.AddHttpClient("hotline-reply", c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddScoped<Contracts.IHotlineRulings, HotlineRulings>();
        services.AddSingleton<Kernel.Audit.IAuditVocabulary, HotlineAuditVocabulary>();
        services.AddScoped<HotlineStats>().AddScoped<HotlineMetricSource>().AddScoped<IMetricSource>(sp => sp.GetRequiredService<HotlineMetricSource>());
        services.AddScoped<Kernel.IDemoDataSource, HotlineDemoData>();
        services.AddHostedService<Jobs.RetrainJob>();
        services.AddScoped<Data.TicketPartitions>();
        services.AddHostedService<Jobs.PartitionJob>();
    }

    public void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/hotline").WithTags("12345热线");
        g.MapTickets();
        g.MapTicketMerges();
        g.MapTicketEnterprises();
        g.MapTriage();
        g.MapDisputes();
        g.MapOwnTickets();
        g.MapHotlineStats();
    }
}
