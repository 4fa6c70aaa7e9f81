namespace Fazhi.Web.Modules.LegalAid.Contracts;

/// <summary>A dispute another module (人民调解) refers to legal aid: who, how to reach them, what it is about, and the
/// referring module's own reference (its dispute number), by which the status is read back.</summary>
public sealed record AidReferral(string Source, string Reference, string PartyName, string? Phone, string Question, string? CaseType = null, string? OrgCode = null);

/// <summary>Where a referral stands in legal aid: a consultation only, an application (with its status), or sent back.</summary>
public sealed record AidReferralStatus(string Reference, long ConsultationId, long? CaseId, string? CaseNumber, string Status, string StatusName, string? ReferredBackOn);

/// <summary>
/// What other modules may ask of 法律援助 (the only namespace of this module they may use). 人民调解 refers a dispute
/// ("a dispute can be referred to legal aid and back"): it becomes a consultation (转介) that staff may turn into an
/// application; when legal aid sends the dispute back (转回人民调解), the status says so.
/// </summary>
public interface ILegalAidReferrals
{
    /// <summary>Records the referral as a consultation of the unit (the caller's unit unless <see cref="AidReferral.OrgCode"/>);
    /// the same source and reference twice gives the first one back (idempotent).</summary>
    Task<AidReferralStatus> ReferAsync(AidReferral referral, CancellationToken ct);

    /// <summary>The status of the referrals with these references (from one source), as far as the caller's scope sees them.</summary>
    Task<IReadOnlyList<AidReferralStatus>> StatusAsync(string source, IReadOnlyCollection<string> references, CancellationToken ct);
}
