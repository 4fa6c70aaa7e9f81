using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Enforcement.Features.Catalogue;

/// <summary>Registration of the Catalogue slice (services and endpoints).</summary>
internal static class CatalogueFeature
{
    public static IServiceCollection AddCatalogueFeature(this IServiceCollection services) =>
        services.AddScoped<CatalogueService>().AddScoped<ItemSheet>();

    public static void MapCatalogueFeature(this RouteGroupBuilder group)
    {
        var g = group;
        g.MapGet("/items", ([AsParameters] ItemFilter filter, CatalogueService svc, CancellationToken ct) => svc.SearchAsync(filter, ct))
            .WithSummary("执法事项清单：q 搜索编码/名称/法律依据，field 领域，townLevel 镇街事项，active，org 发布机构，分页")
            .RequirePermission(EnforcementPermissions.CatalogueView);
        g.MapGet("/items/fields", (CatalogueService svc, CancellationToken ct) => svc.FieldsAsync(ct)).WithSummary("清单中的执法领域")
            .RequirePermission(EnforcementPermissions.CatalogueView);
        g.MapGet("/items/export", async ([AsParameters] ItemFilter filter, ItemSheet sheet, CancellationToken ct) =>
            TypedResults.File(await sheet.ExportAsync(filter, ct), SheetRows.ContentType, "执法事项清单.xlsx"))
            .WithSummary("导出执法事项清单（Excel，格式即导入模板；裁量基准写作“轻微:0-2000;一般:2000-10000”，单位元）")
            .RequirePermission(EnforcementPermissions.CatalogueView);
        g.MapGet("/items/{id:long}", (long id, CatalogueService svc, CancellationToken ct) => svc.GetAsync(id, ct)).WithSummary("执法事项详情")
            .RequirePermission(EnforcementPermissions.CatalogueView);
        g.MapPost("/items", async (ItemRequest request, CatalogueService svc, CancellationToken ct) =>
        {
            var item = await svc.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/enforcement/items/{item.Id}", item);
        })
          .WithSummary("新增执法事项（org 为发布机构代码，默认本单位；编码在该机构清单内唯一）")
            .RequirePermission(EnforcementPermissions.CatalogueEdit);
        g.MapPut("/items/{id:long}", (long id, ItemRequest request, CatalogueService svc, CancellationToken ct) => svc.UpdateAsync(id, request, ct))
            .WithSummary("修改执法事项（已被执法记录引用的事项不能改编码）")
            .RequirePermission(EnforcementPermissions.CatalogueEdit);
        g.MapPost("/items/{id:long}/deactivate", (long id, CatalogueService svc, CancellationToken ct) => svc.DeactivateAsync(id, ct))
            .WithSummary("停用执法事项（不删除：执法记录按编码引用事项）")
            .RequirePermission(EnforcementPermissions.CatalogueEdit);
        g.MapPost("/items/{id:long}/activate", (long id, CatalogueService svc, CancellationToken ct) => svc.ActivateAsync(id, ct))
            .WithSummary("重新启用已停用的执法事项")
            .RequirePermission(EnforcementPermissions.CatalogueEdit);
        g.MapPost("/items/import", async (IFormFile? file, string? org, bool? dryRun, ItemSheet sheet, CancellationToken ct) =>
        {
            if (file is null || file.Length == 0)
                throw FazhiValidationException.For("file", "请上传执法事项清单（.xlsx）");
            await using var stream = file.OpenReadStream();
            var result = await sheet.ImportAsync(stream, org, dryRun ?? true, ct);
            if (!result.DryRun && !result.Committed)
                throw SheetRows.Refusal(result);
            return result;
        }).DisableAntiforgery() // bearer-token API: cookie writes are refused by the auth scheme
          .WithMetadata(new UploadLimitAttribute(SheetRows.MaxBytes))
          .WithSummary("导入执法事项清单（.xlsx，最大10MB）：dryRun=true 只检查并列出每行每列的错误；dryRun=false 全部正确才一次性导入。按发布机构内的事项编码幂等，重复导入即更新")
            .RequirePermission(EnforcementPermissions.CatalogueEdit);
    }
}
