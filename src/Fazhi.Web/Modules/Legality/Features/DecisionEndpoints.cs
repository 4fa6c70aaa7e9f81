using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Legality.Features;

public static class DecisionEndpoints
{
    /// <summary>重大行政决策: 年度目录 (编制、审定、公布) and each decision's statutory steps; the public 目录.</summary>
    public static void MapDecisions(this RouteGroupBuilder g, RouteGroupBuilder api)
    {
        g.MapGet("/decision-catalogs", (int? year, DecisionService svc, CancellationToken ct) => svc.CatalogsAsync(year, ct))
            .WithSummary("重大行政决策事项目录（按年度），含各事项的程序进度").RequirePermission(LegalityPermissions.View);
        g.MapPost("/decision-catalogs", async (CatalogRequest request, DecisionService svc, CancellationToken ct) =>
        {
            var c = await svc.CreateCatalogAsync(request, ct);
            return TypedResults.Created($"/api/v1/legality/decision-catalogs/{c.Id}", (await svc.CatalogsAsync(c.Year, ct)).First(x => x.Id == c.Id));
        }).WithSummary("编制年度目录（本级政府，一年一个）").RequirePermission(LegalityPermissions.DecisionCatalog);
        g.MapPost("/decision-catalogs/{id:long}/{step}", async (long id, string step, CatalogStepRequest? request, DecisionService svc, CancellationToken ct) =>
        {
            var c = await svc.CatalogStepAsync(id, step, request ?? new CatalogStepRequest(null, null), ct);
            return (await svc.CatalogsAsync(c.Year, ct)).First(x => x.Id == c.Id);
        }).WithSummary("目录审定（adopt：meeting）、公布（publish）").RequirePermission(LegalityPermissions.DecisionCatalog);
        g.MapPost("/decision-catalogs/{id:long}/decisions", async (long id, DecisionRequest request, DecisionService svc, CancellationToken ct) =>
        {
            var d = await svc.AddDecisionAsync(id, request, ct);
            return TypedResults.Created($"/api/v1/legality/decisions/{d.Id}", await svc.DtoAsync(d, ct));
        }).WithSummary("列入目录：决策事项及其承办单位").RequirePermission(LegalityPermissions.DecisionCatalog);
        g.MapGet("/decisions/{id:long}", async (long id, DecisionService svc, CancellationToken ct) => await svc.DtoAsync(await svc.GetAsync(id, ct), ct))
            .WithSummary("重大行政决策详情：各程序环节记录、合法性审查、尚缺环节").RequirePermission(LegalityPermissions.View);
        g.MapPost("/decisions/{id:long}/steps/{action}", async (long id, string action, DecisionStepRequest? request, DecisionService svc, CancellationToken ct) =>
                await svc.DtoAsync(await svc.StepAsync(id, action, request ?? new DecisionStepRequest(), ct), ct))
            .WithSummary("决策程序：record（step 公众参与/专家论证/风险评估，record，days，notApplicable）、submit-for-review（送合法性审查）、" +
                         "decide（meeting；未经合法性审查或审查不合法的不予讨论，条例第二十五条）、publish（record）、evaluate（record）")
            .RequirePermission(LegalityPermissions.DecisionManage);

        api.MapGet("/public/legality/decisions/{region}", async (string region, DecisionService svc, CancellationToken ct) =>
            {
                var (name, catalogs) = await svc.PublicAsync(region, ct);
                return new { region = name, catalogs };
            })
            .WithTags("合法性审查").WithSummary("重大行政决策事项目录（公开）")
            .AllowPublic("重大行政决策事项目录经审定后向社会公布（重大行政决策程序暂行条例第三条第三款）");
    }
}
