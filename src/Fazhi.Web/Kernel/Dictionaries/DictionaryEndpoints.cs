using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Kernel.Dictionaries;

public static class DictionaryEndpoints
{
    public static void MapDictionaries(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/dicts").WithTags("字典管理");

        g.MapGet("", (DictionaryService dicts, CancellationToken ct) => dicts.TypesAsync(ct))
            .WithSummary("字典类型列表").RequirePermission(SystemPermissions.DictView);

        g.MapGet("/{type}/items", async (string type, DictionaryService dicts, CancellationToken ct) =>
        {
            await dicts.TypeAsync(type, ct);
            return await dicts.ItemsAsync(type, ct);
        }).WithSummary("某字典类型的全部字典数据（含停用、过期的）").RequirePermission(SystemPermissions.DictView);

        g.MapPost("/{type}/items", async (string type, DictItemRequest request, DictionaryService dicts, CancellationToken ct) =>
        {
            var item = await dicts.SaveAsync(type, request, createOnly: true, ct);
            return TypedResults.Created($"/api/v1/dicts/{type}/items", item);
        }).RequireAuthorization(Policies.PlatformAdmin).WithSummary("新增字典数据（全平台生效，仅平台管理员）")
            .RequirePermission(SystemPermissions.DictEdit);

        g.MapPut("/{type}/items/{code}", async (string type, string code, DictItemRequest request, DictionaryService dicts, CancellationToken ct) =>
            await dicts.SaveAsync(type, request with { Code = code }, createOnly: false, ct))
            .RequireAuthorization(Policies.PlatformAdmin).WithSummary("修改字典数据：标签、顺序、有效期、启用（全平台生效，仅平台管理员）")
            .RequirePermission(SystemPermissions.DictEdit);

        g.MapPost("/{type}/items/{code}/disable", (string type, string code, DictionaryService dicts, CancellationToken ct) =>
            dicts.SetActiveAsync(type, code, false, ct))
            .RequireAuthorization(Policies.PlatformAdmin).WithSummary("停用字典数据（已有记录仍显示其标签）")
            .RequirePermission(SystemPermissions.DictEdit);

        g.MapPost("/{type}/items/{code}/enable", (string type, string code, DictionaryService dicts, CancellationToken ct) =>
            dicts.SetActiveAsync(type, code, true, ct))
            .RequireAuthorization(Policies.PlatformAdmin).WithSummary("启用字典数据")
            .RequirePermission(SystemPermissions.DictEdit);
    }
}
