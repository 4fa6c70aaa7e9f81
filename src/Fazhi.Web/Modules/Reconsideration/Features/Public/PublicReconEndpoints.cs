using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Reconsideration.Features.Public;

/// <summary>The public side of 行政复议: 网上申请, 进度查询 and the published decisions. Each is declared public with its
/// reason (and listed in PermissionTests); the writes are rate limited per client address.</summary>
public static class PublicReconEndpoints
{
    /// <summary>Rate limit of the public posts (applications and progress queries) per client address and hour
    /// (Reconsideration:PublicPostsPerHour, default 20): a form-filling robot, or guessing 查询码, is stopped early.</summary>
    public const string RateLimit = "recon-public";

    public static void AddPublicRateLimit(this IServiceCollection services, IConfiguration config)
    {
        services.AddPerAddressFixedWindow(RateLimit, config.GetValue("Reconsideration:PublicPostsPerHour", 20), TimeSpan.FromHours(1));
    }

    public static void MapReconPublic(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/public/reconsideration").WithTags("行政复议（公开）");
        g.MapGet("/review-bodies", async (PublicReconService svc, CancellationToken ct) =>
            (await svc.ReviewBodiesWithRespondentsAsync(ct)).Select(x => new { x.Body.Region, x.Body.Name, x.Body.Bureau, respondents = x.Respondents }).ToList())
            .WithSummary("可网上申请的行政复议机关及其可选的被申请人")
            .AllowPublic("网上申请：可申请的复议机关和被申请人（机构名称本即公开）");
        g.MapPost("/applications", async (OnlineApplicationRequest request, PublicReconService svc, CancellationToken ct) =>
            TypedResults.Created("/reconsideration/progress", await svc.ApplyAsync(request, ct)))
            .WithSummary("网上申请行政复议（第二十二条第二款）：登记为审查中的案件，返回案号和查询码；submissionToken 防重复提交")
            .AllowPublic("网上申请行政复议（行政复议法第二十二条第二款，互联网渠道提交申请）").RequireRateLimiting(RateLimit);
        g.MapPost("/progress", (ProgressRequest request, PublicReconService svc, CancellationToken ct) => svc.ProgressAsync(request, ct))
            .WithSummary("申请人凭案号和查询码查询办理进度（案号不存在与查询码错误的答复相同）")
            .AllowPublic("申请人查询本人申请的办理进度（凭查询码）").RequireRateLimiting(RateLimit);
        g.MapGet("/decisions/{region}", async (string region, PublicReconService svc, CancellationToken ct) =>
        {
            var (organ, rows) = await svc.PublishedAsync(region, ct);
            return new { organ, decisions = rows };
        }).WithSummary("已公开的行政复议决定书（第七十九条，已隐去个人信息）")
            .AllowPublic("行政复议决定书依法向社会公开（行政复议法第七十九条第一款）");
    }
}
