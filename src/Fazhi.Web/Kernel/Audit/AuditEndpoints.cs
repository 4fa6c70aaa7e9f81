using Fazhi.Web.Kernel.Access;
using MiniExcelLibs;

namespace Fazhi.Web.Kernel.Audit;

public static class AuditEndpoints
{
    public static void MapAudit(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit").WithTags("操作日志");
        g.MapGet("/", ([AsParameters] AuditFilter filter, AuditService audit, CancellationToken ct) => audit.SearchAsync(filter, ct))
            .WithSummary("查询操作日志")
            .RequirePermission(SystemPermissions.AuditView);
        g.MapGet("/export", async ([AsParameters] AuditFilter filter, AuditService audit, TimeProvider clock, CancellationToken ct) =>
            TypedResults.File(await AuditExport.ToXlsxAsync(await audit.ExportAsync(filter, ct), ct),
                AuditExport.ContentType, $"操作日志-{ChinaTime.Now(clock):yyyyMMddHHmm}.xlsx"))
            .WithSummary("导出操作日志（Excel）")
            .RequirePermission(SystemPermissions.AuditView);
        g.MapGet("/verify", (AuditVerifier verifier, CancellationToken ct) => verifier.VerifyAsync(ct))
            .RequireAuthorization(Policies.PlatformAuditor).WithSummary("校验操作日志哈希链（HMAC-SM3）与SM2签名检查点，报告第一处断链或丢失（仅平台审计管理员：校验读取全部日志）")
            .RequirePermission(SystemPermissions.AuditView);
    }
}

public static class AuditExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> ToXlsxAsync(IEnumerable<AuditView> rows, CancellationToken ct)
    {
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["序号"] = r.Seq,
            ["时间（北京时间）"] = r.Time,
            ["操作人"] = r.UserName,
            ["所属机构"] = r.OrgName,
            ["模块"] = r.Module,
            ["业务类型"] = r.Operation,
            ["操作对象"] = r.Target,
            ["变更内容"] = ChangesText(r),
            ["请求号"] = r.RequestId,
            ["客户端地址"] = r.ClientAddress,
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "操作日志", cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>One line per field: <c>名称：竹岛街道 → 竹岛街道办事处</c> (a new record lists its values only).</summary>
    public static string ChangesText(AuditView r) => string.Join("\n", r.Changes.Select(c =>
        r.Action == AuditActions.Update ? $"{c.Label}：{c.Before} → {c.After}" : $"{c.Label}：{c.After ?? c.Before}"));
}
