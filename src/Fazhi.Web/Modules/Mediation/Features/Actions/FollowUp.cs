using Fazhi.Web.Modules.Mediation.Domain;

namespace Fazhi.Web.Modules.Mediation.Features.Actions;

/// <summary>回访: the committee supervises performance of the agreement (人民调解法第三十一条第二款).</summary>
public sealed class FollowUp : IDisputeAction
{
    public DisputeAction Action => DisputeAction.FollowUp;

    public IReadOnlyList<DisputeField> Form { get; } =
    [
        new(nameof(DisputeActionRequest.On), "回访日期", DisputeFieldKind.Date),
        new(nameof(DisputeActionRequest.Performance), "履行情况", DisputeFieldKind.Select, Options: ["已履行", "正在履行", "未履行", "不涉及履行"]),
        new(nameof(DisputeActionRequest.Note), "回访情况", DisputeFieldKind.Text),
    ];

    public void Apply(Dispute d, DisputeActionRequest r, DisputeActionContext x)
    {
        if (r.Performance is not ("已履行" or "正在履行" or "未履行" or "不涉及履行"))
            throw Kernel.Web.FazhiValidationException.For("performance", "履行情况应为已履行、正在履行、未履行或不涉及履行");
        d.FollowUp(x.On, r.Performance, Require.Text(r.Note, "note", "回访情况", 1000), x.Actor, x.NowUtc);
    }
}
