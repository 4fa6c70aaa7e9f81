using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Reconsideration;

/// <summary>行政复议/应诉's permissions (菜单/按钮权限) and its role.</summary>
public static class ReconPermissions
{
    public const string CaseView = "recon:case:view";
    public const string CaseIntake = "recon:case:intake";
    public const string CaseHandle = "recon:case:handle";
    public const string CaseDecide = "recon:case:decide";
    public const string CaseAssign = "recon:case:assign";
    public const string DocumentGenerate = "recon:document:generate";
    public const string TemplateEdit = "recon:template:edit";
    public const string ApprovalSubmit = "recon:approval:submit";
    public const string ApprovalDecide = "recon:approval:decide";
    public const string LedgerImport = "recon:ledger:import";
    public const string LitigationView = "recon:litigation:view";
    public const string LitigationEdit = "recon:litigation:edit";

    // ---- issue 15 §3/§4: 签发 and 作废 of documents ----
    public const string DocumentIssue = "recon:document:issue";

    /// <summary>行政复议科.</summary>
    public const string Role = "recon";

    public static IReadOnlyList<PermissionDef> All { get; } =
    [
        new(CaseView, "复议案件：查看、导出、统计、台账导出", PermissionKind.Read),
        new(CaseIntake, "复议案件：收到申请（登记）"),
        new(CaseHandle, "复议案件：审查、受理、审理、送达等办理操作"),
        new(CaseDecide, "复议案件：作出决定、调解结案、终止"),
        new(CaseAssign, "复议案件：分配、改派承办人"),
        new(DocumentGenerate, "法律文书：生成"),
        new(TemplateEdit, "法律文书：修改模板（仅平台管理员）"),
        new(ApprovalSubmit, "呈报审批：呈报、撤回"),
        new(ApprovalDecide, "呈报审批：批准、退回"),
        new(LedgerImport, "台账：导入"),
        new(LitigationView, "行政应诉：查看", PermissionKind.Read),
        new(LitigationEdit, "行政应诉：登记、更新"),
        new(DocumentIssue, "法律文书：签发（取文号）、作废文号"),
    ];
}
