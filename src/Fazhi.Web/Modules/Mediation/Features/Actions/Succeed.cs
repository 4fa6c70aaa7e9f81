using Fazhi.Web.Modules.Mediation.Domain;

namespace Fazhi.Web.Modules.Mediation.Features.Actions;

/// <summary>调解成功: a written 调解协议书 (人民调解法第二十八、二十九条; effective when all parties sign and the committee seals)
/// or an oral agreement the mediator records (第二十八、三十条; effective the day agreed).</summary>
public sealed class Succeed : IDisputeAction
{
    public DisputeAction Action => DisputeAction.Succeed;

    public IReadOnlyList<DisputeField> Form { get; } =
    [
        new(nameof(DisputeActionRequest.On), "协议达成日期", DisputeFieldKind.Date),
        new(nameof(DisputeActionRequest.AgreementKind), "协议形式", DisputeFieldKind.Select, Options: ["书面协议", "口头协议"]),
        new(nameof(DisputeActionRequest.Content), "协议内容（履行方式、期限）", DisputeFieldKind.LongText),
        new(nameof(DisputeActionRequest.EffectiveOn), "协议生效日期（书面：各方签名并盖章之日；口头：达成之日）", DisputeFieldKind.Date, Required: false),
    ];

    public void Apply(Dispute d, DisputeActionRequest r, DisputeActionContext x)
    {
        var kind = MediationNames.Parse<AgreementKind>(r.AgreementKind, MediationNames.Of)
            ?? throw Kernel.Web.FazhiValidationException.For("agreementKind", "协议形式应为“书面协议”或“口头协议”");
        var effective = kind == AgreementKind.Oral ? x.On : r.EffectiveOn ?? x.On;
        if (effective > DateOnly.FromDateTime(Kernel.ChinaTime.ToChina(x.NowUtc)))
            throw Kernel.Web.FazhiValidationException.For("effectiveOn", "协议生效日期不能晚于今天");
        d.Succeed(x.On, kind, Require.Text(r.Content, "content", "协议内容", 3000), effective, x.Actor, x.NowUtc);
    }
}
