using Fazhi.Web.Modules.Mediation.Domain;

namespace Fazhi.Web.Modules.Mediation.Features.Actions;

/// <summary>转介法律援助: LegalAid reads open referrals through <see cref="Contracts.IMediationReferrals"/>.</summary>
public sealed class ReferToLegalAid : IDisputeAction
{
    public DisputeAction Action => DisputeAction.ReferToLegalAid;

    public IReadOnlyList<DisputeField> Form { get; } =
        [new(nameof(DisputeActionRequest.On), "转介日期", DisputeFieldKind.Date), new(nameof(DisputeActionRequest.Reason), "转介理由", DisputeFieldKind.Text)];

    public void Apply(Dispute d, DisputeActionRequest r, DisputeActionContext x) =>
        d.ReferToLegalAid(x.On, Require.Text(r.Reason, "reason", "转介理由", 500), x.Actor, x.NowUtc);
}
