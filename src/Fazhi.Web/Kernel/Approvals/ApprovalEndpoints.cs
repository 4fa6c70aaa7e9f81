using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Kernel.Approvals;

/// <summary>待审批 for every module. Signed-in users reach the endpoints; who may decide which 呈报 is the module's
/// decide permission, checked by <see cref="ApprovalService"/> (403 otherwise).</summary>
public static class ApprovalEndpoints
{
    public static void MapApprovals(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/approvals").WithTags("呈报审批");
        g.MapGet("/", (ApprovalService svc, CancellationToken ct) => svc.PendingForMeAsync(ct))
            .WithSummary("待我审批的呈报（本人有权审批、在数据权限范围内、非本人呈报）")
            .RequirePermission(PermissionPolicies.SignedIn);
        g.MapPost("/{id:long}/approve", async (long id, ApprovalOpinion? request, ApprovalService svc, CancellationToken ct) =>
            (await svc.ToRowsAsync([await svc.ApproveAsync(id, request?.Opinion, ct)], ct))[0])
            .WithSummary("批准（批示），并执行所呈报的操作")
            .RequirePermission(PermissionPolicies.SignedIn);
        g.MapPost("/{id:long}/return", async (long id, ApprovalOpinion? request, ApprovalService svc, CancellationToken ct) =>
            (await svc.ToRowsAsync([await svc.ReturnAsync(id, request?.Opinion, ct)], ct))[0])
            .WithSummary("退回（须写明理由）")
            .RequirePermission(PermissionPolicies.SignedIn);
        g.MapPost("/{id:long}/withdraw", async (long id, ApprovalService svc, CancellationToken ct) =>
            (await svc.ToRowsAsync([await svc.WithdrawAsync(id, ct)], ct))[0])
            .WithSummary("呈报人撤回")
            .RequirePermission(PermissionPolicies.SignedIn);
    }
}
