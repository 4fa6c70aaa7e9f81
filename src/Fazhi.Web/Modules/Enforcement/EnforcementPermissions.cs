using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Enforcement;

/// <summary>行政执法监督's permissions (菜单/按钮权限) and its roles.</summary>
public static class EnforcementPermissions
{
    public const string RecordView = "enforcement:record:view";
    public const string RecordSubmit = "enforcement:record:submit";
    public const string WarningView = "enforcement:warning:view";
    public const string WarningRespond = "enforcement:warning:respond";
    public const string WarningClose = "enforcement:warning:close";
    public const string WarningSweep = "enforcement:warning:sweep";
    public const string CatalogueView = "enforcement:catalogue:view";
    public const string CatalogueEdit = "enforcement:catalogue:edit";
    public const string OfficerView = "enforcement:officer:view";
    public const string OfficerEdit = "enforcement:officer:edit";
    public const string CertificateStatus = "enforcement:certificate:status";
    public const string ReviewView = "enforcement:review:view";
    public const string ReviewDraw = "enforcement:review:draw";
    public const string ReviewScore = "enforcement:review:score";
    public const string ReviewTemplate = "enforcement:review:template";
    public const string PlanView = "enforcement:plan:view";
    public const string PlanFile = "enforcement:plan:file";
    public const string PlanJoint = "enforcement:plan:joint";
    public const string StatsView = "enforcement:stats:view";

    /// <summary>执法监督科.</summary>
    public const string SupervisionRole = "enforcement";

    /// <summary>部门数据报送: an enforcement department's account.</summary>
    public const string SubmitterRole = "submitter";

    public static IReadOnlyList<PermissionDef> All { get; } =
    [
        new(RecordView, "执法记录：查看、导出", PermissionKind.Read),
        new(RecordSubmit, "执法记录：数据报送（接口、Excel）"),
        new(WarningView, "预警：查看", PermissionKind.Read),
        new(WarningRespond, "预警：反馈、整改（执法部门）"),
        new(WarningClose, "预警：销号、退回整改（监督机关）"),
        new(WarningSweep, "预警：立即运行每日巡检（仅平台管理员）"),
        new(CatalogueView, "执法事项清单：查看、导出", PermissionKind.Read),
        new(CatalogueEdit, "执法事项清单：新增、修改、停用、导入"),
        new(OfficerView, "执法人员与执法证：查看、导出", PermissionKind.Read),
        new(OfficerEdit, "执法人员与执法证：登记、修改、年审、培训、导入"),
        new(CertificateStatus, "执法证：暂扣、恢复、注销、撤销"),
        new(ReviewView, "抽样与案卷评查：查看、导出、验证抽样", PermissionKind.Read),
        new(ReviewDraw, "抽样：随机抽取案卷"),
        new(ReviewScore, "案卷评查：选择模板、打分"),
        new(ReviewTemplate, "案卷评查：维护评查模板"),
        new(PlanView, "涉企检查计划：查看、导出", PermissionKind.Read),
        new(PlanFile, "涉企检查计划：报备、删除、导入"),
        new(PlanJoint, "联合检查：生成、确认、否决"),
        new(StatsView, "执法监督：统计分析", PermissionKind.Read),
    ];

    public static IReadOnlyList<string> Supervision { get; } = [.. All.Select(p => p.Code).Where(c => c != WarningSweep)];

    public static IReadOnlyList<string> Submitter { get; } =
        [RecordView, RecordSubmit, WarningView, WarningRespond, CatalogueView, PlanView, PlanFile, StatsView];
}
