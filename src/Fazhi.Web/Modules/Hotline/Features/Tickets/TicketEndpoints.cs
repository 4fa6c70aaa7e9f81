using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Contracts;

namespace Fazhi.Web.Modules.Hotline.Features.Tickets;

public static class TicketEndpoints
{
    public static void MapTickets(this RouteGroupBuilder g)
    {
        g.MapPost("/tickets", async (HttpRequest request, TicketIngestion ingestion, CancellationToken ct) =>
            {
                var lap = System.Diagnostics.Stopwatch.GetTimestamp();
                var items = await TicketIngestion.ParseAsync(request.Body, request.ContentType, ct);
                TicketIngestionMetrics.Lap("parse", lap);
                if (items.Count == 0)
                    throw FazhiValidationException.For("body", "本批没有任何工单");
                return await ingestion.IngestAsync(items, "api", dryRun: false, ct);
            })
            .Accepts<TicketInput[]>("application/json", "application/x-ndjson")
            .Produces<TicketBatchResult>()
            .DisableAntiforgery()
            .WithSummary("热线中心推送工单（一张、JSON 数组或 NDJSON，每批最多10000张）")
            .WithDescription("按工单编号幂等：重复推送即以后到的版本为准，变化的字段记入修改记录。返回每张被拒工单的序号（从0起）与全部原因；合格工单在一个事务中保存。" +
                             "字段：" + TicketJson.KnownList + "。")
            .RequirePermission(HotlinePermissions.TicketPush);

        g.MapPost("/tickets:upload", async (IFormFile? file, bool? dryRun, TicketIngestion ingestion, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                    throw FazhiValidationException.For("file", "请选择热线中心导出的 .xlsx 工单表");
                await using var stream = file.OpenReadStream();
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                buffer.Position = 0;
                var items = TicketSheet.Read(buffer);
                if (items.Count == 0)
                    throw FazhiValidationException.For("file", "表格中没有数据行");
                var result = await ingestion.IngestAsync(items, "excel", dryRun ?? false, ct);
                return result with { Rejected = [.. result.Rejected.Select(r => r with { Errors = [.. r.Errors.Select(e => TicketSheet.Shown(r.Index, e))] })] };
            })
            .DisableAntiforgery()
            .WithMetadata(new UploadLimitAttribute(TicketSheet.MaxBytes))
            .WithSummary("导入热线中心导出的工单表（.xlsx；dryRun=true 只校验不保存；与接口同样的校验与幂等）")
            .RequirePermission(HotlinePermissions.TicketImport);

        g.MapGet("/tickets:template", () => TypedResults.File(TicketSheet.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "12345工单导入模板.xlsx"))
            .WithSummary("下载工单导入模板")
            .RequirePermission(HotlinePermissions.TicketImport);

        g.MapGet("/tickets", ([AsParameters] TicketFilterQuery f, TicketQueries q, CancellationToken ct) => q.ListAsync(f.ToFilter(), ct))
            .WithSummary("工单列表（来电人、号码脱敏；q 可按工单编号、内容、地点或完整来电号码查找）")
            .RequirePermission(HotlinePermissions.TicketView);

        g.MapGet("/tickets/{ticketNo}", (string ticketNo, TicketQueries q, CancellationToken ct) => q.GetAsync(ticketNo, ct))
            .WithSummary("工单详情：流转记录、修改记录")
            .RequirePermission(HotlinePermissions.TicketView);

        g.MapPost("/tickets/{ticketNo}/complaint", (string ticketNo, ComplaintFromTicket request, TicketQueries q, CancellationToken ct) => q.OpenComplaintAsync(ticketNo, request, ct))
            .Produces<ComplaintOpened>()
            .WithSummary("转行政执法监督投诉（针对执法部门的乱罚款、不作为、执法态度等）；同一工单重复提交返回首次结果")
            .RequirePermission(HotlinePermissions.TicketRefer);

        g.MapGet("/tickets/{ticketNo}/enterprise-records", (string ticketNo, string? creditCode, TicketQueries q, CancellationToken ct) => q.EnterpriseRecordsAsync(ticketNo, creditCode, ct))
            .WithSummary("工单所涉企业近两年的行政检查与行政处罚（重复检查、部门不作为一目了然）")
            .RequirePermission(HotlinePermissions.TicketView);
    }
}

public sealed record TicketFilterQuery(string? Org, string? Q, string? Town, string? Field, bool? Disputed, DateOnly? From, DateOnly? To, int? Page, int? Size)
{
    public TicketFilter ToFilter() => new(Org, Q, Town, Field, Disputed, From, To, Page ?? 1, Size ?? 20);
}
