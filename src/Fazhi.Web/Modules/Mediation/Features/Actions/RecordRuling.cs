using Fazhi.Web.Modules.Mediation.Domain;

namespace Fazhi.Web.Modules.Mediation.Features.Actions;

/// <summary>法院裁定 (民事诉讼法 2023 第二百零六条): 裁定调解协议有效, or 裁定驳回申请.</summary>
public sealed class RecordRuling : IDisputeAction
{
    public DisputeAction Action => DisputeAction.RecordRuling;

    public IReadOnlyList<DisputeField> Form { get; } =
    [
        new(nameof(DisputeActionRequest.On), "裁定日期", DisputeFieldKind.Date),
        new(nameof(DisputeActionRequest.Result), "裁定结果", DisputeFieldKind.Select, Options: ["裁定调解协议有效", "裁定驳回申请"]),
        new(nameof(DisputeActionRequest.CaseNumber), "法院案号（调确字）", DisputeFieldKind.Text, Required: false),
    ];

    public void Apply(Dispute d, DisputeActionRequest r, DisputeActionContext x)
    {
        var result = MediationNames.Parse<ConfirmationResult>(r.Result, MediationNames.Of)
            ?? throw Kernel.Web.FazhiValidationException.For("result", "裁定结果应为“裁定调解协议有效”或“裁定驳回申请”");
        d.RecordRuling(x.On, result, string.IsNullOrWhiteSpace(r.CaseNumber) ? null : Require.Text(r.CaseNumber, "caseNumber", "法院案号", 64), x.Actor, x.NowUtc);
    }
}
