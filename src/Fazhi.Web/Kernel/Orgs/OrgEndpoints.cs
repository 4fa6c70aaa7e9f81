using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Kernel.Orgs;

public static class OrgEndpoints
{
    public static void MapOrgs(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/orgs").WithTags("组织机构");

        g.MapGet("/", (OrgService orgs, bool? includeInactive, CancellationToken ct) => orgs.ListAsync(includeInactive ?? false, ct))
            .WithSummary("当前用户可见的机构（本级及下级）")
            .RequirePermission(PermissionPolicies.SignedIn);

        g.MapGet("/{code}", async (string code, OrgService orgs, CancellationToken ct) => OrgService.ToDto(await orgs.GetAsync(code, ct)))
            .WithSummary("机构详情")
            .RequirePermission(PermissionPolicies.SignedIn);

        g.MapPost("/", async (CreateOrgRequest request, OrgService orgs, CancellationToken ct) =>
        {
            var unit = await orgs.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/orgs/{unit.Code}", OrgService.ToDto(unit));
        }).WithSummary("新增机构")
            .RequirePermission(SystemPermissions.OrgEdit);

        g.MapPut("/{code}", async (string code, RenameOrgRequest request, OrgService orgs, CancellationToken ct) =>
            OrgService.ToDto(await orgs.RenameAsync(code, request, ct))).WithSummary("修改机构名称")
            .RequirePermission(SystemPermissions.OrgEdit);

        g.MapPost("/{code}/move", async (string code, MoveOrgRequest request, OrgService orgs, CancellationToken ct) =>
            OrgService.ToDto(await orgs.MoveAsync(code, request, ct))).WithSummary("调整上级机构")
            .RequirePermission(SystemPermissions.OrgEdit);

        g.MapPost("/{code}/deactivate", async (string code, OrgService orgs, CancellationToken ct) =>
            OrgService.ToDto(await orgs.SetActiveAsync(code, false, ct))).WithSummary("停用机构")
            .RequirePermission(SystemPermissions.OrgEdit);

        g.MapPost("/{code}/activate", async (string code, OrgService orgs, CancellationToken ct) =>
            OrgService.ToDto(await orgs.SetActiveAsync(code, true, ct))).WithSummary("启用机构")
            .RequirePermission(SystemPermissions.OrgEdit);
    }
}
