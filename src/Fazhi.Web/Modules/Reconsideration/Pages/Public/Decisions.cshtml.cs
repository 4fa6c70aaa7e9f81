using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Features.Public;

namespace Fazhi.Web.Modules.Reconsideration.Pages.Public;

/// <summary>行政复议决定书公开 (第七十九条第一款): a district's published decisions, personal data redacted at publication.</summary>
[PublicEndpoint("行政复议决定书依法向社会公开（行政复议法第七十九条第一款）")]
public sealed class DecisionsModel(PublicReconService svc) : FazhiPageModel
{
    public string Organ { get; private set; } = "";
    public List<PublicDecisionDto> Rows { get; private set; } = [];

    public async Task OnGetAsync(string region, CancellationToken ct) => (Organ, Rows) = await svc.PublishedAsync(region, ct);
}
