using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Features.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Fazhi.Web.Modules.Reconsideration.Pages.Public;

/// <summary>网上申请行政复议 (第二十二条第二款: 行政复议机关指定的互联网渠道): public, no sign-in, rate limited.</summary>
[PublicEndpoint("网上申请行政复议（行政复议法第二十二条第二款，互联网渠道提交申请）")]
[EnableRateLimiting(PublicReconEndpoints.RateLimit)]
public sealed class ApplyModel(PublicReconService svc) : FazhiPageModel
{
    public List<ReviewBodyDto> Bodies { get; private set; } = [];
    public List<RespondentChoice> Respondents { get; private set; } = [];
    public OnlineApplicationRequest Input { get; private set; } = new(null, null, "自然人", null, null, null, null, null, null, null, null, null);
    public OnlineApplicationReceipt? Receipt { get; private set; }

    public async Task OnGetAsync(string? region, CancellationToken ct)
    {
        Bodies = await svc.ReviewBodiesAsync(ct);
        region ??= Bodies.Count == 1 ? Bodies[0].Region : null;
        Input = Input with { Region = region, SubmissionToken = Guid.NewGuid().ToString("N") };
        Respondents = await svc.RespondentsAsync(region, ct);
    }

    [PublicEndpoint("网上申请行政复议（提交）")]
    public async Task<IActionResult> OnPostAsync(OnlineApplicationRequest input, CancellationToken ct)
    {
        Input = input;
        Receipt = await TryAsync(() => svc.ApplyAsync(input, ct));
        Bodies = await svc.ReviewBodiesAsync(ct);
        Respondents = await svc.RespondentsAsync(input.Region, ct);
        return Page();
    }
}
