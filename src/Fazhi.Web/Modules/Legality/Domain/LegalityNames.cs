namespace Fazhi.Web.Modules.Legality.Domain;

/// <summary>The Chinese names of the module's enum values (UI, exports, audit log).</summary>
public static class LegalityNames
{
    public static string Of(MatterKind k) => k switch
    {
        MatterKind.NormativeDocument => "规范性文件",
        MatterKind.Contract => "合同",
        MatterKind.MajorDecision => "重大行政决策",
        MatterKind.MeetingTopic => "常务会/专题会议题",
        MatterKind.LeaderInstruction => "区领导批办件",
        MatterKind.RequestForComment => "征求意见",
        MatterKind.FairCompetition => "公平竞争审查",
        _ => "其他",
    };

    public static string Of(MatterStatus s) => s switch
    {
        MatterStatus.Submitted => "已送审",
        MatterStatus.Received => "已收件",
        MatterStatus.Reviewing => "审查中",
        MatterStatus.AwaitingMaterials => "补充材料中",
        MatterStatus.OpinionIssued => "已出具意见",
        MatterStatus.Closed => "已办结",
        _ => "已撤回",
    };

    public static string Of(OpinionConclusion c) => c switch
    {
        OpinionConclusion.Lawful => "合法",
        OpinionConclusion.LawfulAfterChanges => "修改后合法",
        _ => "不合法",
    };

    public static string Of(Adoption a) => a switch
    {
        Adoption.Adopted => "采纳",
        Adoption.PartlyAdopted => "部分采纳",
        _ => "不采纳",
    };

    public static string Of(DocumentStatus s) => s switch
    {
        DocumentStatus.Planned => "已列入计划",
        DocumentStatus.Drafting => "起草中",
        DocumentStatus.UnderReview => "合法性审核中",
        DocumentStatus.Deliberated => "已集体审议",
        DocumentStatus.Published => "已公布",
        DocumentStatus.Repealed => "已废止",
        _ => "已失效",
    };

    public static string Of(DocumentLevel l) => l == DocumentLevel.Government ? "政府规范性文件" : "部门规范性文件";

    public static string Of(CleanupDecision d) => d switch
    {
        CleanupDecision.Keep => "继续有效",
        CleanupDecision.Amend => "修改",
        _ => "废止",
    };

    public static string Of(ContractKind k) => k == ContractKind.Investment ? "招商引资合同" : "机关事业单位合同";

    public static string Of(ContractStatus s) => s switch
    {
        ContractStatus.Draft => "拟签订",
        ContractStatus.UnderReview => "合法性审查中",
        ContractStatus.Reviewed => "已审查",
        ContractStatus.InForce => "已签订",
        ContractStatus.Filed => "已备案",
        ContractStatus.Terminated => "已终止",
        _ => "已履行完毕",
    };

    public static string Of(ContractLevel l) => l == ContractLevel.Government ? "政府合同" : "部门合同";

    public static string Of(MilestoneKind k) => k == MilestoneKind.Payment ? "付款节点" : "履行节点";

    public static string Of(AdviserKind k) => k switch
    {
        AdviserKind.Government => "政府法律顾问",
        AdviserKind.PublicLawyer => "公职律师",
        _ => "村（社区）法律顾问",
    };

    public static string Of(AdviserWorkKind k) => k switch
    {
        AdviserWorkKind.Opinion => "法律意见书",
        AdviserWorkKind.ContractReview => "审查合同",
        AdviserWorkKind.Consultation => "参与论证",
        _ => "诉讼代理",
    };

    public static string Of(AdviserGrade g) => g switch
    {
        AdviserGrade.Excellent => "优秀",
        AdviserGrade.Competent => "称职",
        AdviserGrade.Basic => "基本称职",
        _ => "不称职",
    };

    public static T? Parse<T>(string? text, Func<T, string> name) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? null
        : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => name(v!.Value) == text.Trim() || string.Equals(v!.Value.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase));
}
