using Fazhi.Web.Data;
using Fazhi.Web.Modules.LegalAid.Contracts;
using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

internal sealed class AidReferrals(FazhiDb db, AidDirectory directory) : ILegalAidReferrals
{
    public async Task<AidReferralStatus> ReferAsync(AidReferral r, CancellationToken ct)
    {
        var existing = await db.AidConsultations().AsNoTracking().FirstOrDefaultAsync(c => c.ReferralSource == r.Source && c.ReferralRef == r.Reference, ct);
        if (existing is null)
        {
            existing = await directory.AddConsultationAsync(new ConsultationRequest("来访", r.PartyName, r.Phone, r.CaseType, r.Question, null,
                ReferralSource: r.Source, ReferralRef: r.Reference, OrgCode: r.OrgCode), ct);
        }
        return (await StatusAsync(r.Source, [r.Reference], ct)).Single();
    }

    public async Task<IReadOnlyList<AidReferralStatus>> StatusAsync(string source, IReadOnlyCollection<string> references, CancellationToken ct)
    {
        var consultations = await db.AidConsultations().AsNoTracking().Where(c => c.ReferralSource == source && references.Contains(c.ReferralRef!)).ToListAsync(ct);
        var caseIds = consultations.Where(c => c.CaseId != null).Select(c => c.CaseId!.Value).ToList();
        var cases = await db.AidCases().AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return [.. consultations.Select(c =>
        {
            var k = c.CaseId is { } id ? cases.GetValueOrDefault(id) : null;
            return k is null
                ? new AidReferralStatus(c.ReferralRef!, c.Id, null, null, "Consultation", "已登记咨询", null)
                : new AidReferralStatus(c.ReferralRef!, c.Id, k.Id, k.Number, k.ReferredBackOn is null ? k.Status.ToString() : "ReferredBack",
                    k.ReferredBackOn is null ? AidNames.Of(k.Status) : "已转回人民调解", k.ReferredBackOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        })];
    }
}
