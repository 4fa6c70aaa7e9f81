using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Mediation;

/// <summary>人民调解's permissions and its role.</summary>
public static class MediationPermissions
{
    public const string DisputeView = "mediation:dispute:view";
    public const string DisputeRegister = "mediation:dispute:register";
    public const string DisputeHandle = "mediation:dispute:handle";
    public const string DocumentGenerate = "mediation:document:generate";
    public const string ScreeningRecord = "mediation:screening:record";
    public const string OrganisationEdit = "mediation:organisation:edit";
    public const string SubsidyEdit = "mediation:subsidy:edit";
    public const string LedgerImport = "mediation:ledger:import";

    /// <summary>人民调解员: records their own committee's disputes, screenings and 说事点 reports.</summary>
    public const string Role = "mediator";

    /// <summary>调解科 (the bureau's section): everything of the module.</summary>
    public const string SectionRole = "mediation";

    public static IReadOnlyList<PermissionDef> All { get; } =
    [
        new(DisputeView, "人民调解：查看纠纷、排查、说事点、统计、导出", PermissionKind.Read),
        new(DisputeRegister, "人民调解：登记纠纷"),
        new(DisputeHandle, "人民调解：受理、调解、协议、司法确认、回访等办理操作"),
        new(DocumentGenerate, "人民调解：制作调解文书"),
        new(ScreeningRecord, "人民调解：登记排查、说事点上报"),
        new(OrganisationEdit, "人民调解：新增调解委员会、调解员、说事点"),
        new(SubsidyEdit, "人民调解：设定以案定补标准"),
        new(LedgerImport, "人民调解：台账导入"),
    ];
}
