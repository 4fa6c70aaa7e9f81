using Fazhi.Web.Modules.Enforcement.Features.Records;
using Fazhi.Web.Modules.Enforcement.Jobs;
using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Modules;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Features;
using Fazhi.Web.Modules.Enforcement.Features.Catalogue;
using Fazhi.Web.Modules.Enforcement.Features.Officers;
using Fazhi.Web.Modules.Enforcement.Features.Plans;
using Fazhi.Web.Modules.Enforcement.Features.Sampling;
using Fazhi.Web.Modules.Enforcement.Import;
using Fazhi.Web.Modules.Enforcement.Rules;
using Fazhi.Web.Modules.Enforcement.Stats;

namespace Fazhi.Web.Modules.Enforcement;

/// <summary>行政执法监督: departments push their records; the rules raise warnings that the bureau follows to closure;
/// sampling and 案卷评查, certificates, inspection plans and joint inspections; the figures.</summary>
public sealed class EnforcementModule : IFazhiModule
{
    public const string Module = "enforcement";

    public ModuleManifest Manifest { get; } = new()
    {
        Code = Module,
        Name = "行政执法监督",
        TablePrefix = "enf_",
        Namespace = typeof(EnforcementModule).Namespace!,
        Permissions = EnforcementPermissions.All,
        Roles =
        [
            new(EnforcementPermissions.SupervisionRole, "执法监督科", "行政执法监督、预警处理、案卷评查、执法证管理", EnforcementPermissions.Supervision),
            new(EnforcementPermissions.SubmitterRole, "部门数据报送", "执法部门通过接口或Excel报送本部门执法数据、反馈预警、报备检查计划，不能浏览其他部门数据",
                EnforcementPermissions.Submitter),
        ],
        Grants = [new(Roles.Leader, [EnforcementPermissions.WarningClose, EnforcementPermissions.PlanJoint])],
        Menu = new NavSection("行政执法监督", 200,
        [
            new NavItem("监督首页", "/enforcement", EnforcementPermissions.RecordView),
            new NavItem("执法记录", "/enforcement/records", EnforcementPermissions.RecordView),
            new NavItem("预警处理", "/enforcement/warnings", EnforcementPermissions.WarningView),
            new NavItem("数据报送", "/enforcement/upload", EnforcementPermissions.RecordSubmit),
            new NavItem("执法事项清单", "/enforcement/catalogue", EnforcementPermissions.CatalogueView),
            new NavItem("执法人员与执法证", "/enforcement/officers", EnforcementPermissions.OfficerView),
            new NavItem("抽样与案卷评查", "/enforcement/sampling", EnforcementPermissions.ReviewView),
            new NavItem("涉企检查计划", "/enforcement/plans", EnforcementPermissions.PlanView),
            new NavItem("统计分析", "/enforcement/stats", EnforcementPermissions.StatsView),
        ]),
        DemoUsers =
        [
            new("huancui", "环翠区司法局 复议科", "371002-SFJ", [EnforcementPermissions.SupervisionRole]),
            new("rongcheng", "荣成市司法局 复议科", "371082-SFJ", [EnforcementPermissions.SupervisionRole]),
            new("huancui-scjg", "环翠区市场监管局 报送员", "371002-SCJG", [EnforcementPermissions.SubmitterRole]),
        ],
    };

    public void Add(IServiceCollection services, IConfiguration config)
    {
        services.Configure<EnforcementOptions>(config.GetSection("Enforcement"));
        services.AddScoped<RecordIngestion>();
        services.AddScoped<WarningEngine>();
        services.AddScoped<Kernel.Calendar.ICalendarChangeListener, WarningCalendarListener>();
        services.AddScoped<WarningService>();
        services.AddSingleton<Kernel.Audit.IAuditVocabulary, EnforcementAuditVocabulary>();
        services.AddScoped<RecordQueries>();
        services.AddScoped<EnforcementStats>().AddScoped<EnforcementMetricSource>().AddScoped<IMetricSource>(sp => sp.GetRequiredService<EnforcementMetricSource>());
        services.AddScoped<WarningSweep>();
        services.AddScoped<IHomeMetricSource, EnforcementHomeMetrics>();
        services.AddScoped<IWorkItemSource, EnforcementWorkItems>();
        services.AddScoped<Kernel.IDemoDataSource, EnforcementDemoData>();
        services.AddScoped<Contracts.IEnforcementComplaints, EnforcementComplaints>().AddScoped<Contracts.IEnterpriseRecords, EnterpriseRecords>();
        services.AddHostedService<WarningSweepJob>();
        services.AddCatalogueFeature().AddOfficersFeature().AddSamplingFeature().AddPlansFeature();
        foreach (var rule in WarningRules.All)
            services.AddSingleton(rule);
    }

    public void Map(RouteGroupBuilder api)
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
