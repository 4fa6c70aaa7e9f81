namespace Fazhi.Web.Modules.Mediation.Contracts;

/// <summary>A dispute a committee referred to legal aid (转介法律援助), as LegalAid sees it.</summary>
public sealed record DisputeReferral(long DisputeId, string Number, string Committee, string CommitteeCode, string Summary, DateOnly ReferredOn,
    IReadOnlyList<string> Parties, string? LegalAidReference);

/// <summary>A matter legal aid sends to mediation (法律援助转介人民调解): the committee, the parties and the facts.</summary>
public sealed record MediationReferralRequest(string CommitteeCode, string Category, string Summary, DateOnly ReceivedOn,
    IReadOnlyList<(string Name, string? IdNumber, string? Phone)> Parties, string LegalAidReference);

/// <summary>
/// What LegalAid may call (the only Mediation namespace another module may use): the disputes referred to legal aid and
/// not yet taken, acknowledging one with the aid case's number, and the sink for matters legal aid refers to mediation
/// (the "dispute referred to legal aid and back" link). Mediation depends on nothing of LegalAid.
/// </summary>
public interface IMediationReferrals
{
    /// <summary>Disputes referred to legal aid within the caller's scope; <paramref name="openOnly"/>: not yet acknowledged.</summary>
    Task<IReadOnlyList<DisputeReferral>> ReferredToLegalAidAsync(bool openOnly, CancellationToken ct);

    /// <summary>Legal aid took the referral: records the aid case's reference on the dispute (audited).</summary>
    Task AcknowledgeAsync(long disputeId, string legalAidReference, CancellationToken ct);

    /// <summary>Registers a dispute referred by legal aid (source 法律援助转介); returns its id and number. Validation as for
    /// any dispute (400 naming the field).</summary>
    Task<(long Id, string Number)> ReferToMediationAsync(MediationReferralRequest request, CancellationToken ct);
}
