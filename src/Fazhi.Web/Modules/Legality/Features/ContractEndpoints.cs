using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Import;

namespace Fazhi.Web.Modules.Legality.Features;

public static class ContractEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>合同: register and review, 备案, 履约监管 (节点、违约、到期), 台账 import and export. Every answer is a
    /// <see cref="ContractDto"/> (enums with their Chinese names), never the entity.</summary>
    public static void MapContracts(this RouteGroupBuilder g)
    {
        g.MapPost("/contracts", async (ContractRequest request, bool? submit, DocumentService svc, ContractService contracts, CancellationToken ct) =>
        {
            var c = await svc.RegisterContractAsync(request, submit ?? true, ct);
            return TypedResults.Created($"/api/v1/legality/contracts/{c.Id}", await contracts.DtoAsync(c, ct));
        }).WithSummary("登记合同（submit=true 同时送合法性审查；level 政府合同/部门合同；keyProject、keyProjectName 重点项目；终止日期早于起始日期的不予登记）")
            .RequirePermission(LegalityPermissions.ContractManage);
        g.MapGet("/contracts", (string? q, string? kind, string? status, string? level, bool? keyProject, int? page, int? size, LegalityQueries queries, CancellationToken ct) =>
                queries.ContractsAsync(q, kind, page, size, ct, status, level, keyProject))
            .WithSummary("合同台账：q 搜索名称/编号/相对方，kind、status、level、keyProject（重点项目）筛选，分页").RequirePermission(LegalityPermissions.View);
        g.MapGet("/contracts/export", async (string? q, string? kind, bool? keyProject, ContractImporter importer, CancellationToken ct) =>
                TypedResults.File(await importer.ExportAsync(q, kind, ct, keyProject), Xlsx, "合同台账.xlsx"))
            .WithSummary("导出合同台账（Excel，与导入格式相同）").RequirePermission(LegalityPermissions.View);
        g.MapPost("/contracts/import", async (IFormFile? file, bool? dryRun, ContractImporter importer, CancellationToken ct) =>
        {
            if (file is null || file.Length == 0)
                throw FazhiValidationException.For("file", "请上传合同台账（.xlsx）");
            await using var stream = file.OpenReadStream();
            var result = await importer.ImportAsync(stream, dryRun ?? true, ct);
            if (!result.DryRun && !result.Committed)
                throw new FazhiValidationException(result.Errors.GroupBy(e => e.Row == 0 ? "file" : $"第{e.Row}行{(e.Column is null ? "" : " " + e.Column)}")
                    .ToDictionary(x => x.Key, x => x.Select(e => e.Message).ToArray()), $"台账有{result.Errors.Count}处错误，未导入任何数据");
            return result;
        }).DisableAntiforgery() // bearer-token API: cookie writes are refused by the auth scheme
          .WithMetadata(new UploadLimitAttribute(ContractImporter.MaxBytes))
          .WithSummary("合同台账导入（.xlsx，最大10MB）：dryRun=true 只检查并列出每行错误（按表头指明列）；dryRun=false 全部正确才一次性导入。按签约单位+合同编号幂等")
            .RequirePermission(LegalityPermissions.ContractManage);
        g.MapGet("/contracts/{id:long}", async (long id, ContractService svc, CancellationToken ct) => await svc.DtoAsync(await svc.GetAsync(id, ct), ct))
            .WithSummary("合同详情：审查、备案、履约节点、违约记录、提醒期限").RequirePermission(LegalityPermissions.View);
        g.MapPost("/contracts/{id:long}/file", async (long id, FileContractRequest? request, ContractService svc, CancellationToken ct) =>
                await svc.DtoAsync(await svc.FileAsync(id, request?.On, request?.SignedOn, ct), ct))
            .WithSummary("合同备案（须已出具合法性审查意见；登记签订日期，开始到期提醒）").RequirePermission(LegalityPermissions.ContractManage);
        g.MapPost("/contracts/{id:long}/milestones", async (long id, MilestoneRequest request, ContractService svc, CancellationToken ct) =>
                await svc.DtoAsync(await svc.AddMilestoneAsync(id, request, ct), ct))
            .WithSummary("添加履约节点（履行节点/付款节点，逾期未完成的次日提醒签约单位）").RequirePermission(LegalityPermissions.ContractManage);
        g.MapPost("/contracts/{id:long}/milestones/{milestoneId:long}/complete",
                async (long id, long milestoneId, CompleteMilestoneRequest? request, ContractService svc, CancellationToken ct) =>
                    await svc.DtoAsync(await svc.CompleteMilestoneAsync(id, milestoneId, request ?? new CompleteMilestoneRequest(null, null), ct), ct))
            .WithSummary("登记履约节点完成").RequirePermission(LegalityPermissions.ContractManage);
        g.MapPost("/contracts/{id:long}/breaches", async (long id, BreachRequest request, ContractService svc, CancellationToken ct) =>
                await svc.DtoAsync(await svc.RecordBreachAsync(id, request, ct), ct))
            .WithSummary("登记违约（日期、违反条款、情形、处理情况）").RequirePermission(LegalityPermissions.ContractManage);
        g.MapPost("/contracts/{id:long}/end", async (long id, EndContractRequest request, ContractService svc, CancellationToken ct) =>
                await svc.DtoAsync(await svc.EndAsync(id, request, ct), ct))
            .WithSummary("履行完毕（节点均已完成）或终止：停止全部提醒").RequirePermission(LegalityPermissions.ContractManage);
    }
}
