using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Contracts;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Features;

internal sealed class MediationReferrals(FazhiDb db, DisputeService disputes) : IMediationReferrals
{
    public async Task<IReadOnlyList<DisputeReferral>> ReferredToLegalAidAsync(bool openOnly, CancellationToken ct)
    {
        var q = db.Disputes().AsNoTracking().Where(d => d.ReferredToLegalAidOn != null);
        if (openOnly)
            q = q.Where(d => d.LegalAidReference == null);
        var rows = await q.Include(d => d.Parties).Join(db.OrgUnits, d => d.OrgUnitId, o => o.Id, (d, o) => new { d, o.Name, o.Code }).ToListAsync(ct);
        return [.. rows.Select(x => new DisputeReferral(x.d.Id, x.d.Number, x.Name, x.Code, x.d.Summary, x.d.ReferredToLegalAidOn!.Value,
            [.. x.d.Parties.Select(p => p.Name)], x.d.LegalAidReference))];
    }

    public async Task AcknowledgeAsync(long disputeId, string legalAidReference, CancellationToken ct)
    {
        var d = await disputes.GetAsync(disputeId, ct);
        if (d.ReferredToLegalAidOn is null)
            throw new ConflictException("该纠纷未转介法律援助。");
        if (string.IsNullOrWhiteSpace(legalAidReference) || legalAidReference.Length > 64)
            throw FazhiValidationException.For("legalAidReference", "请填写法律援助案号（不超过64个字符）");
        d.LegalAidReference = legalAidReference.Trim();
        d.Version++;
        await db.SaveChangesAsync(ct);
    }

    public async Task<(long Id, string Number)> ReferToMediationAsync(MediationReferralRequest r, CancellationToken ct)
    {
        var d = await disputes.RegisterAsync(new DisputeRequest(r.CommitteeCode, r.Category, nameof(DisputeSource.LegalAidReferral), r.Summary, null, r.ReceivedOn,
            [.. r.Parties.Select(p => new PartyRequest(p.Name, null, p.IdNumber, p.Phone, null))]), ct);
        d.LegalAidReference = r.LegalAidReference;
        await db.SaveChangesAsync(ct);
        return (d.Id, d.Number);
    }
}
