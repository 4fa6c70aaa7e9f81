using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Reconsideration.Domain;

/// <summary>
/// 网上申请 (issue 15 §6): a case the applicant registered through the public form. The case itself is an ordinary
/// <see cref="ReconCase"/> in 审查 (channel 网上); this row keeps the 查询码 the applicant was shown, with which they
/// (and only they) may look up the case's progress. The code is stored SM4-encrypted like other personal fields.
/// </summary>
public sealed class OnlineApplication : IOrgOwned
{
    public long CaseId { get; set; }

    /// <summary>The 复议机构's unit (the case's unit).</summary>
    public int OrgUnitId { get; set; }

    /// <summary>查询码: 8 characters without look-alikes (no 0/O, 1/I/L).</summary>
    [Kernel.Security.Encrypted]
    public required string QueryCode { get; set; }

    public DateTime SubmittedAtUtc { get; set; }

    /// <summary>The client's address as the server saw it (for abuse reviews).</summary>
    public string? ClientAddress { get; set; }
}
