using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Hotline;

/// <summary>12345 热线's permissions and roles.</summary>
public static class HotlinePermissions
{
    public const string TicketView = "hotline:ticket:view";
    public const string TicketPush = "hotline:ticket:push";
    public const string TicketImport = "hotline:ticket:import";
    public const string TicketLabel = "hotline:ticket:label";
    public const string TicketRefer = "hotline:ticket:refer";
    public const string TicketMerge = "hotline:ticket:merge";
    public const string TriageTrain = "hotline:triage:train";
    public const string DisputeView = "hotline:dispute:view";
    public const string DisputeHandle = "hotline:dispute:handle";
    public const string OwnView = "hotline:own:view";
    public const string OwnHandle = "hotline:own:handle";
    public const string StatsView = "hotline:stats:view";

    /// <summary>热线研判 (the bureau's 执法监督科 staff who triage tickets and hold 会商).</summary>
    public const string AnalystRole = "hotline";

    /// <summary>12345 热线中心: the centre's machine account, which may only push tickets.</summary>
    public const string CentreRole = "hotline-centre";

    public static IReadOnlyList<PermissionDef> All { get; } =
    [
        new(TicketView, "12345工单：查看、导出", PermissionKind.Read),
        new(TicketPush, "12345工单：接口推送（热线中心）"),
        new(TicketImport, "12345工单：Excel导入"),
        new(TicketLabel, "12345工单：研判分类、纠正分类"),
        new(TicketRefer, "12345工单：转执法监督投诉"),
        new(TicketMerge, "12345工单：并单、撤销并单"),
        new(TriageTrain, "12345研判模型：重新训练"),
        new(DisputeView, "管辖争议与会商研判：查看", PermissionKind.Read),
        new(DisputeHandle, "会商研判：提出、会商、裁定、反馈"),
        new(OwnView, "本局工单：查看", PermissionKind.Read),
        new(OwnHandle, "本局工单：签收、办理、回复、回访、退单、延期"),
        new(StatsView, "12345热线：统计分析", PermissionKind.Read),
    ];

    public static IReadOnlyList<string> Analyst { get; } = [.. All.Select(p => p.Code).Where(c => c != TicketPush)];

    public static IReadOnlyList<string> Centre { get; } = [TicketPush];
}
