using System.Text.Json;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Enforcement.Features.Plans;

/// <summary>Registration of the Plans slice (services and endpoints).</summary>
internal static class PlansFeature
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IServiceCollection AddPlansFeature(this IServiceCollection services) =>
        services.AddScoped<PlanService>().AddScoped<JointInspectionService>();

    public static void MapPlansFeature(this RouteGroupBuilder group)
    {
        var g = group;
        g.MapGet("/plans", ([AsParameters] PlanFilter filter, PlanService svc, CancellationToken ct) => svc.SearchAsync(filter, ct))
            .WithSummary("涉企检查计划：year、month、department（机构代码，含下级）、q（信用代码或企业名称）、joint=none|proposed|confirmed，分页")
            .RequirePermission(EnforcementPermissions.PlanView);
        // Departments (数据报送) file their own plans, so this is not an editor-only endpoint; the service checks the role.
        g.MapPost("/plans", async (JsonElement body, string? department, PlanService svc, CancellationToken ct) =>
            await svc.SaveAsync(PlanService.ParseBody(body), department, ct))
            .WithSummary("报备涉企检查计划：一条 {creditCode, name, year, month, items: [事项编码], department?} 或其数组")
            .WithDescription("按（部门、年度、月份、统一社会信用代码）幂等：重复报备即更新。全部校验通过才保存。部门账号只能报备本部门计划；" +
                             "司法局工作人员代部门报备时用 department=部门机构代码（查询参数或每条计划的 department 字段）。")
            .RequirePermission(EnforcementPermissions.PlanFile);
        g.MapDelete("/plans/{id:long}", async (long id, PlanService svc, CancellationToken ct) =>
        {
            await svc.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("撤回检查计划（已纳入已确认联合检查的不能撤回）")
            .RequirePermission(EnforcementPermissions.PlanFile);
        g.MapPost("/plans/import", async (IFormFile? file, string? department, bool? dryRun, PlanService svc, CancellationToken ct) =>
        {
            if (file is null || file.Length == 0)
                throw FazhiValidationException.For("file", "请上传检查计划表（.xlsx）");
            await using var stream = file.OpenReadStream();
            var result = await svc.ImportAsync(stream, department, dryRun ?? true, ct);
            if (!result.DryRun && !result.Committed)
                throw new FazhiValidationException(result.Errors.GroupBy(e => e.Row == 0 ? "file" : $"第{e.Row}行{(e.Column is null ? "" : " " + e.Column)}")
                    .ToDictionary(x => x.Key, x => x.Select(e => e.Message).ToArray()), $"检查计划表有{result.Errors.Count}处错误，未导入任何数据");
            return result;
        }).DisableAntiforgery() // bearer-token API: cookie writes are refused by the auth scheme
          .WithMetadata(new UploadLimitAttribute(PlanService.MaxBytes))
          .WithSummary("导入检查计划（.xlsx，最大10MB：统一社会信用代码、企业名称、年度、月份、检查事项，可选执法部门代码）：dryRun=true 只检查；dryRun=false 全部正确才一次性导入。幂等")
            .RequirePermission(EnforcementPermissions.PlanFile);
        g.MapGet("/plans/export", async ([AsParameters] PlanFilter filter, PlanService svc, CancellationToken ct) =>
            TypedResults.File(await svc.ExportAsync(filter, ct), Xlsx, "涉企检查计划.xlsx"))
            .WithSummary("导出检查计划（Excel，与导入格式相同）")
            .RequirePermission(EnforcementPermissions.PlanView);

        g.MapGet("/joint-inspections", ([AsParameters] JointFilter filter, JointInspectionService svc, CancellationToken ct) => svc.SearchAsync(filter, ct))
            .WithSummary("联合检查（建议与已确认）：status=Proposed|Confirmed|Declined，year，month，q，分页")
            .RequirePermission(EnforcementPermissions.PlanView);
        g.MapGet("/joint-inspections/{id:long}", (long id, JointInspectionService svc, CancellationToken ct) => svc.GetAsync(id, ct))
            .WithSummary("联合检查详情（参与部门与检查事项）")
            .RequirePermission(EnforcementPermissions.PlanView);
        g.MapPost("/joint-inspections:propose", (int? year, int? month, JointInspectionService svc, CancellationToken ct) => svc.ProposeAsync(year, month, ct))
            
            .WithSummary("生成联合检查建议：同一区县两个以上部门计划在同一月份检查同一企业的，合并为一次联合检查（进一次门、查多项事）。可重复执行，不会重复生成")
            .RequirePermission(EnforcementPermissions.PlanJoint);
        g.MapPost("/joint-inspections/{id:long}/confirm", (long id, ConfirmRequest request, JointInspectionService svc, CancellationToken ct) =>
            svc.ConfirmAsync(id, request, ct))
            .WithSummary("确认联合检查 {leadDepartment: 牵头部门机构代码}")
            .RequirePermission(EnforcementPermissions.PlanJoint);
        g.MapPost("/joint-inspections/{id:long}/decline", (long id, JointInspectionService svc, CancellationToken ct) => svc.DeclineAsync(id, ct))
            .WithSummary("不合并（各部门计划恢复独立）")
            .RequirePermission(EnforcementPermissions.PlanJoint);
    }
}
