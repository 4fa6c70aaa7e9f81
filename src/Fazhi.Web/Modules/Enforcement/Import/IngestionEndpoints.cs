using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Enforcement.Import;

public static class IngestionEndpoints
{
    public static void MapIngestion(this RouteGroupBuilder g)
    {
        g.MapPost("/records:batch", async (HttpRequest request, string? department, RecordIngestion ingestion, CancellationToken ct) =>
        {
            var unit = await ingestion.ResolveDepartmentAsync(department, ct);
            var (items, tooMany) = await ingestion.ParseAsync(request.Body, request.ContentType, ct);
            if (tooMany)
                throw new PayloadTooLargeException($"一批最多{ingestion.MaxBatchSize}条记录，请分批报送。本批未保存任何记录。");
            if (items.Count == 0)
                throw FazhiValidationException.For("body", "本批没有任何记录");
            return await ingestion.IngestAsync(unit, items, "api", ct);
        })
        .Accepts<RecordInput[]>("application/json", "application/x-ndjson")
        .Produces<BatchResult>()
        .DisableAntiforgery()
        .WithSummary("报送执法记录（JSON 数组或 NDJSON，每批最多10000条）")
        .WithDescription("按（部门, sourceId）幂等：重复报送即更新，不会重复。返回接收条数与每条被拒记录的序号（从0起）和全部原因；合格记录在一个事务中保存。" +
                         "部门凭证只能报送本部门记录；司法局工作人员代部门报送时用 department=部门机构代码。")
            .RequirePermission(EnforcementPermissions.RecordSubmit);

        g.MapPost("/records:upload", async (IFormFile? file, string? department, RecordIngestion ingestion, CancellationToken ct) =>
        {
            if (file is null || file.Length == 0)
                throw FazhiValidationException.For("file", "请选择按模板填写的 .xlsx 文件");
            var unit = await ingestion.ResolveDepartmentAsync(department, ct);
            await using var stream = file.OpenReadStream();
            var items = RecordSheet.Read(stream, ingestion.MaxBatchSize);
            if (items.Count == 0)
                throw FazhiValidationException.For("file", "表格中没有数据行");
            return await ingestion.IngestAsync(unit, items, "excel", ct);
        })
        .DisableAntiforgery()
        .WithMetadata(new UploadLimitAttribute(RecordSheet.MaxBytes))
        .WithSummary("上传执法记录报送表（.xlsx，最大20MB，与接口同样的校验）")
            .RequirePermission(EnforcementPermissions.RecordSubmit);

        g.MapGet("/records:template", () => TypedResults.File(RecordSheet.Template(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "执法记录报送模板.xlsx"))
            .WithSummary("下载执法记录报送表模板")
            .RequirePermission(EnforcementPermissions.RecordSubmit);
    }
}
