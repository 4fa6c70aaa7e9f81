using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.LegalAid;

/// <summary>法律援助's permissions and its role (法援中心).</summary>
public static class LegalAidPermissions
{
    public const string CaseView = "legalaid:case:view";
    public const string CaseIntake = "legalaid:case:intake";
    public const string CaseHandle = "legalaid:case:handle";
    public const string ConsultationRecord = "legalaid:consultation:record";
    public const string RosterEdit = "legalaid:roster:edit";
    public const string SubsidyEdit = "legalaid:subsidy:edit";
    public const string DocumentGenerate = "legalaid:document:generate";

    /// <summary>法律援助中心 staff.</summary>
    public const string Role = "legalaid";

    public static IReadOnlyList<PermissionDef> All { get; } =
    [
        new(CaseView, "法律援助：查看、导出、统计", PermissionKind.Read),
        new(CaseIntake, "法律援助：收到申请、收到通知（登记）"),
        new(CaseHandle, "法律援助：审查、决定、指派、结案、回访等办理操作"),
        new(ConsultationRecord, "法律援助：登记咨询"),
        new(RosterEdit, "法律援助：维护人员名册、工作站"),
        new(SubsidyEdit, "法律援助：修改办案补贴标准"),
        new(DocumentGenerate, "法律援助：制作文书"),
    ];
}
