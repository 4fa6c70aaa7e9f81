using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Features.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Fazhi.Web.Modules.Reconsideration.Pages.Public;

/// <summary>办理进度查询 by 案号 and 查询码: public, rate limited; an unknown number and a wrong code answer alike.</summary>
[PublicEndpoint("申请人查询本人申请的办理进度（凭查询码）")]
[EnableRateLimiting(PublicReconEndpoints.RateLimit)]
public sealed class ProgressModel(PublicReconService svc) : FazhiPageModel
{
    public ProgressDto? Result { get; private set; }
    public string? CaseNumber { get; private set; }

    public void OnGet()
    {
    }

    [PublicEndpoint("申请人查询本人申请的办理进度（提交查询）")]
    public async Task<IActionResult> OnPostAsync(string? caseNumber, string? code, CancellationToken ct)
    {
        CaseNumber = caseNumber;
        Result = await TryAsync(() => svc.ProgressAsync(new ProgressRequest(caseNumber, code), ct));
        return Page();
    }
}
