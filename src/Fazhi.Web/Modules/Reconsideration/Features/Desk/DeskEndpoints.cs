using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Reconsideration.Features.Desk;

/// <summary>审批台 and 呈批表 (issue 15 §6). Approve and return are the existing <c>/reconsideration/approvals/{id}/…</c>.</summary>
public static class DeskEndpoints
{
    public static void MapReconDesk(this RouteGroupBuilder g)
    {
        g.MapGet("/desk", (DeskService desk, CancellationToken ct) => desk.ViewAsync(ct))
            .WithSummary("审批台：待我审批的受理、延期、决定及签发文书呈报（含案件与期限），以及我近期的审批")
            .RequirePermission(ReconPermissions.ApprovalDecide);
        g.MapGet("/approvals/{id:long}/form", async (long id, DeskService desk, CancellationToken ct) =>
        {
            var (content, name) = await desk.FormAsync(id, ct);
            return TypedResults.File(content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
        }).WithSummary("呈批表（.docx）：案件、当事人、呈报事项及理由、承办人意见、复议机构负责人意见、复议机关负责人意见及日期")
            .RequirePermission(ReconPermissions.CaseView);
    }
}
