using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Features.Catalogue;

namespace Fazhi.Web.Modules.Enforcement.Features.Officers;

/// <summary>Registration of the Officers slice (services and endpoints).</summary>
internal static class OfficersFeature
{
    public static IServiceCollection AddOfficersFeature(this IServiceCollection services) =>
        services.AddScoped<OfficerService>().AddScoped<OfficerSheet>();

    public static void MapOfficersFeature(this RouteGroupBuilder group)
    {
        var g = group;
        g.MapGet("/officers", ([AsParameters] OfficerFilter filter, OfficerService svc, CancellationToken ct) => svc.SearchAsync(filter, ct))
            .WithSummary("执法人员与执法证：q 搜索姓名/证号（或完整身份证号），department 部门机构代码，status 有效|暂扣|注销|撤销，expiring=true 30日内到期或已过期，分页")
            .RequirePermission(EnforcementPermissions.OfficerView);
        g.MapGet("/officers/export", async ([AsParameters] OfficerFilter filter, OfficerSheet sheet, CancellationToken ct) =>
            TypedResults.File(await sheet.ExportAsync(filter, ct), SheetRows.ContentType, "执法人员与执法证.xlsx"))
            .WithSummary("导出执法证台账（Excel，身份证号遮盖；格式即导入模板）")
            .RequirePermission(EnforcementPermissions.OfficerView);
        g.MapGet("/officers/{id:long}", (long id, OfficerService svc, CancellationToken ct) => svc.GetAsync(id, ct))
            .WithSummary("执法人员详情：年审、培训考试、证件预警")
            .RequirePermission(EnforcementPermissions.OfficerView);
        g.MapPost("/officers", async (OfficerRequest request, OfficerService svc, CancellationToken ct) =>
        {
            var o = await svc.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/enforcement/officers/{o.Officer.Id}", o);
        }).WithSummary("登记执法人员与执法证（证号全平台唯一）")
            .RequirePermission(EnforcementPermissions.OfficerEdit);
        g.MapPut("/officers/{id:long}", (long id, OfficerRequest request, OfficerService svc, CancellationToken ct) => svc.UpdateAsync(id, request, ct))
            .WithSummary("修改执法人员与执法证（状态另行变更；身份证号留空即不变）")
            .RequirePermission(EnforcementPermissions.OfficerEdit);
        g.MapPost("/officers/{id:long}/status", (long id, StatusRequest request, OfficerService svc, CancellationToken ct) => svc.ChangeStatusAsync(id, request, ct))
            .WithSummary("变更执法证状态 {status, on, reason}：有效（恢复）、暂扣、注销、撤销；注销和撤销后不能再变更")
            .RequirePermission(EnforcementPermissions.CertificateStatus);
        g.MapPost("/officers/{id:long}/reviews", (long id, ReviewRequest request, OfficerService svc, CancellationToken ct) => svc.AddReviewAsync(id, request, ct))
            .WithSummary("登记年审 {year, kind: annual|fourYear, on, passed, note}；同一年度同一类型再次登记即更正")
            .RequirePermission(EnforcementPermissions.OfficerEdit);
        g.MapPut("/officers/{id:long}/training/{year:int}", (long id, int year, TrainingRequest request, OfficerService svc, CancellationToken ct) =>
            svc.SetTrainingAsync(id, year, request, ct))
            .WithSummary("登记某年度培训学时与考试成绩 {hours, examScore, examPassed}")
            .RequirePermission(EnforcementPermissions.OfficerEdit);
        g.MapPost("/officers/import", async (IFormFile? file, bool? dryRun, OfficerSheet sheet, CancellationToken ct) =>
        {
            if (file is null || file.Length == 0)
                throw FazhiValidationException.For("file", "请上传执法证台账（.xlsx）");
            await using var stream = file.OpenReadStream();
            var result = await sheet.ImportAsync(stream, dryRun ?? true, ct);
            if (!result.DryRun && !result.Committed)
                throw SheetRows.Refusal(result);
            return result;
        }).DisableAntiforgery() // bearer-token API: cookie writes are refused by the auth scheme
          .WithMetadata(new UploadLimitAttribute(SheetRows.MaxBytes))
          .WithSummary("导入执法证台账（.xlsx，最大10MB）：dryRun=true 只检查并列出每行每列的错误；dryRun=false 全部正确才一次性导入。按执法证号幂等")
            .RequirePermission(EnforcementPermissions.OfficerEdit);
    }
}
