using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features;

namespace Fazhi.Web.Modules.Legality.Pages;

/// <summary>重大行政决策事项目录: public once adopted and published (条例第三条第三款), no sign-in.</summary>
[PublicEndpoint("重大行政决策事项目录经审定后向社会公布（重大行政决策程序暂行条例第三条第三款）")]
public sealed class PublicDecisionsModel(DecisionService decisions) : FazhiPageModel
{
    public string Region { get; private set; } = "";
    public List<CatalogDto> Catalogs { get; private set; } = [];

    public async Task OnGetAsync(string region, CancellationToken ct) => (Region, Catalogs) = await decisions.PublicAsync(region, ct);
}
