using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Features;
using Fazhi.Web.Modules.Enforcement.Features.Catalogue;
using Fazhi.Web.Modules.Enforcement.Features.Officers;
using Fazhi.Web.Modules.Enforcement.Features.Plans;
using Fazhi.Web.Modules.Enforcement.Features.Sampling;
using Fazhi.Web.Modules.Enforcement.Ingestion;
using Fazhi.Web.Modules.Enforcement.Rules;
using Fazhi.Web.Modules.Enforcement.Stats;

namespace Fazhi.Web.Modules.Enforcement;

/// <summary>行政执法监督: departments push their records; the rules raise warnings that the bureau follows to closure;
/// sampling and 案卷评查, certificates, inspection plans and joint inspections; the figures.</summary>
public static class EnforcementModule
{
    public const string Module = "enforcement";

    public static IServiceCollection AddEnforcement(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<EnforcementOptions>(config.GetSection("Enforcement"));
        services.AddScoped<RecordIngestion>();
        services.AddScoped<WarningEngine>();
        services.AddScoped<WarningService>();
        services.AddSingleton<Kernel.Audit.IAuditVocabulary, EnforcementAuditVocabulary>();
        services.AddScoped<RecordQueries>();
        services.AddScoped<EnforcementStats>();
        services.AddScoped<WarningSweep>();
        services.AddScoped<IHomeMetricSource, EnforcementHomeMetrics>();
        services.AddScoped<Kernel.IDemoDataSource, EnforcementDemoData>();
        services.AddHostedService<WarningSweepJob>();
        services.AddCatalogueFeature().AddOfficersFeature().AddSamplingFeature().AddPlansFeature();
        foreach (var rule in WarningRules.All)
            services.AddSingleton(rule);
        services.AddSingleton(new NavSection("行政执法监督", 200,
        [
            new NavItem("监督首页", "/enforcement"),
            new NavItem("执法记录", "/enforcement/records"),
            new NavItem("预警处理", "/enforcement/warnings"),
            new NavItem("数据报送", "/enforcement/upload"),
            new NavItem("执法事项清单", "/enforcement/catalogue"),
            new NavItem("执法人员与执法证", "/enforcement/officers"),
            new NavItem("抽样与案卷评查", "/enforcement/sampling"),
            new NavItem("涉企检查计划", "/enforcement/plans"),
            new NavItem("统计分析", "/enforcement/stats"),
        ]));
        return services;
    }

    public static void MapEnforcement(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/enforcement").WithTags("行政执法监督");
        g.MapIngestion();
        g.MapRecords();
        g.MapWarnings();
        g.MapStats();
        g.MapCatalogueFeature();
        g.MapOfficersFeature();
        g.MapSamplingFeature();
        g.MapPlansFeature();
    }
}
