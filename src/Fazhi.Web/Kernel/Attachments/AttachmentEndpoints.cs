using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Kernel.Attachments;

/// <summary>附件 API. Every signed-in user reaches the endpoints; the record's module decides (its owner's view or attach
/// permission, and its scoped query), so the permission is the record's, not a separate one.</summary>
public static class AttachmentEndpoints
{
    public static void MapAttachments(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/attachments").WithTags("附件");

        g.MapPost("/{module}/{entityType}/{entityId:long}", async (string module, string entityType, long entityId, IFormFile? file,
            [Microsoft.AspNetCore.Mvc.FromForm] string? category, AttachmentService attachments, CancellationToken ct) =>
        {
            var dto = await attachments.UploadAsync(module, entityType, entityId, file, category, ct);
            return TypedResults.Created($"/api/v1/attachments/{dto.Id}", dto);
        }).DisableAntiforgery() // bearer-token API: cookie writes are refused by the auth scheme
            .WithSummary("上传附件（multipart：file，可选category=附件类别字典键值）；需有该记录的办理权限")
            .RequirePermission(PermissionPolicies.SignedIn);

        g.MapGet("/{module}/{entityType}/{entityId:long}", (string module, string entityType, long entityId, AttachmentService attachments,
            CancellationToken ct) => attachments.ListAsync(module, entityType, entityId, ct))
            .WithSummary("某记录的附件列表").RequirePermission(PermissionPolicies.SignedIn);

        g.MapGet("/{id:long}", async (long id, AttachmentService attachments, CancellationToken ct) =>
        {
            var (a, bytes) = await attachments.DownloadAsync(id, ct);
            return TypedResults.File(bytes, a.ContentType, a.FileName);
        }).WithSummary("下载附件").RequirePermission(PermissionPolicies.SignedIn);

        g.MapDelete("/{id:long}", async (long id, AttachmentService attachments, CancellationToken ct) =>
        {
            await attachments.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("删除附件（操作日志保留其SM3摘要）").RequirePermission(PermissionPolicies.SignedIn);
    }
}
