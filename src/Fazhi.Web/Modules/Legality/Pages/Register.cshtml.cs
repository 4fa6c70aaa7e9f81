using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features;

namespace Fazhi.Web.Modules.Legality.Pages;

/// <summary>现行有效规范性文件目录: public by law (政府信息公开), no sign-in.</summary>
[PublicEndpoint("现行有效规范性文件目录依法向社会公开")]
public sealed class RegisterModel(LegalityQueries queries) : FazhiPageModel
{
    public string Region { get; private set; } = "";
    public List<DocumentRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(string region, CancellationToken ct) => (Region, Rows) = await queries.PublicRegisterAsync(region, ct);
}
