using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Legality;

/// <summary>合法性审查's permissions and roles: 送审单位 (departments, towns), 法制审核科 (reviewers), 法律顾问, 依法治区办.</summary>
public static class LegalityPermissions
{
    public const string View = "legality:matter:view";
    public const string Submit = "legality:matter:submit";
    public const string Review = "legality:matter:review";
    public const string Comment = "legality:matter:comment";
    public const string DocumentManage = "legality:document:manage";
    public const string DocumentFile = "legality:document:file";
    public const string Cleanup = "legality:document:cleanup";
    public const string ContractManage = "legality:contract:manage";
    public const string OfficeView = "legality:office:view";
    public const string OfficeManage = "legality:office:manage";
    public const string OfficeReport = "legality:office:report";
    public const string DecisionManage = "legality:decision:manage";
    public const string DecisionCatalog = "legality:decision:catalog";
    public const string AdviserManage = "legality:adviser:manage";

    public const string SubmitterRole = "legality-submitter";
    public const string ReviewerRole = "legality-reviewer";
    public const string AdviserRole = "legality-adviser";
    public const string OfficeRole = "legality-office";

    public static IReadOnlyList<PermissionDef> All { get; } =
    [
        new(View, "合法性审查：查看、导出、统计", PermissionKind.Read),
        new(Submit, "合法性审查：送审、反馈采纳情况、撤回（送审单位）"),
        new(Review, "合法性审查：收件、分配、补充材料、出具审核意见书、办结（法制审核）"),
        new(Comment, "合法性审查：提出审查意见（审查人、法律顾问）"),
        new(DocumentManage, "规范性文件：制定计划、起草、送审、审议、公布、后评估"),
        new(DocumentFile, "规范性文件：备案登记"),
        new(Cleanup, "规范性文件：清理"),
        new(ContractManage, "合同：登记、送审、备案、导入"),
        new(OfficeView, "依法治区：查看工作要点、考核、会议、督察、述法、年度报告和学法，导出、统计", PermissionKind.Read),
        new(OfficeManage, "依法治区：下达工作要点并督办，编制考核指标并评分，登记会议、督察、述法和学法"),
        new(OfficeReport, "依法治区：报告本单位任务进展、上传考核佐证材料、反馈督察整改、报送年度报告"),
        new(DecisionManage, "重大行政决策：登记公众参与、专家论证、风险评估，送合法性审查，集体讨论决定、公布、后评估"),
        new(DecisionCatalog, "重大行政决策：编制、审定、公布年度目录"),
        new(AdviserManage, "法律顾问：登记顾问和公职律师、工作记录（法律意见书、诉讼代理申报）、考评"),
    ];
}
