using Fazhi.Web.Modules.Reconsideration.Features.Committee;

namespace Fazhi.Web.Modules.Reconsideration.Pages;

/// <summary>The case page's 行政复议委员会 panel (recon-more, issue 15 §3): the consultations and each member's opinion.</summary>
public sealed partial class CaseModel
{
    public async Task<IReadOnlyList<ConsultationDto>> ConsultationsAsync()
    {
        var c = await HttpContext.RequestServices.GetRequiredService<Features.ReconCaseService>().GetAsync(Case.Id, HttpContext.RequestAborted);
        return [.. c.Consultations.OrderBy(x => x.RequestedOn).ThenBy(x => x.Id).Select(CommitteeRoster.ToDto)];
    }
}
