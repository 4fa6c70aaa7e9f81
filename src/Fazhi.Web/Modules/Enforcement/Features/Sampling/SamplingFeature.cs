using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Enforcement.Features.Sampling;

/// <summary>Registration of the Sampling slice (services and endpoints).</summary>
internal static class SamplingFeature
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IServiceCollection AddSamplingFeature(this IServiceCollection services) =>
        services.AddScoped<SamplingService>().AddScoped<ReviewTemplateService>();

    public static void MapSamplingFeature(this RouteGroupBuilder group)
    {
        var g = group;
        g.MapGet("/review-templates", (ReviewTemplateService svc, CancellationToken ct) => svc.ListAsync(ct))
            .WithSummary("评查模板列表（评查项编码、名称、分值，满分）")
            .RequirePermission(EnforcementPermissions.ReviewView);
        g.MapGet("/review-templates/{id:long}", (long id, ReviewTemplateService svc, CancellationToken ct) => svc.GetAsync(id, ct))
            .WithSummary("评查模板详情")
            .RequirePermission(EnforcementPermissions.ReviewView);
        g.MapPost("/review-templates", async (TemplateRequest request, ReviewTemplateService svc, CancellationToken ct) =>
        {
            var t = await svc.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/enforcement/review-templates/{t.Id}", t);
        }).WithSummary("新建评查模板 {name, items: [{code, name, points}]}")
            .RequirePermission(EnforcementPermissions.ReviewTemplate);
        g.MapPut("/review-templates/{id:long}", (long id, TemplateRequest request, ReviewTemplateService svc, CancellationToken ct) => svc.UpdateAsync(id, request, ct))
            .WithSummary("修改评查模板（已用于打分的模板只能改名称）")
            .RequirePermission(EnforcementPermissions.ReviewTemplate);
        g.MapDelete("/review-templates/{id:long}", async (long id, ReviewTemplateService svc, CancellationToken ct) =>
        {
            await svc.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("删除未被抽样使用的评查模板")
            .RequirePermission(EnforcementPermissions.ReviewTemplate);

        g.MapPost("/draws", async (DrawRequest request, SamplingService svc, CancellationToken ct) =>
        {
            var d = await svc.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/enforcement/draws/{d.Draw.Id}", d);
        })
          .WithSummary("双随机抽样 {name, filter: {q, org, kind, itemCode, from, to, warned, rule, lenient}, count | percent, seed?, templateId?}")
          .WithDescription("按筛选条件取得执法记录总体，以种子对每条记录编号做 SHA-256 排序，取最小的 N 条（比例按总体×比例向上取整）。" +
                           "种子与筛选条件随抽样保存，同一种子、同一条件、同一数据必然抽出同一批记录；不填种子则随机生成。")
            .RequirePermission(EnforcementPermissions.ReviewDraw);
        g.MapGet("/draws", (int? page, int? pageSize, SamplingService svc, CancellationToken ct) => svc.ListAsync(page ?? 1, pageSize ?? 20, ct))
            .WithSummary("抽样列表（分页）")
            .RequirePermission(EnforcementPermissions.ReviewView);
        g.MapGet("/draws/{id:long}", (long id, SamplingService svc, CancellationToken ct) => svc.GetAsync(id, ct))
            .WithSummary("抽样详情：种子、筛选条件、抽中的执法记录（部门、类型、对象、得分）")
            .RequirePermission(EnforcementPermissions.ReviewView);
        g.MapPost("/draws/{id:long}/verify", (long id, SamplingService svc, CancellationToken ct) => svc.VerifyAsync(id, ct))
            .WithSummary("复核抽样：以保存的种子和筛选条件重新抽取，回答结果是否一致（数据变化时列出差异）")
            .RequirePermission(EnforcementPermissions.ReviewView);
        g.MapPut("/draws/{id:long}/template", (long id, TemplateChoice choice, SamplingService svc, CancellationToken ct) => svc.SetTemplateAsync(id, choice, ct))
            .WithSummary("选择评查模板（尚未打分时）")
            .RequirePermission(EnforcementPermissions.ReviewScore);
        g.MapPut("/draws/{id:long}/records/{recordId:long}/score", (long id, long recordId, ScoreRequest request, SamplingService svc, CancellationToken ct) =>
            svc.ScoreAsync(id, recordId, request, ct))
            .WithSummary("案卷评查打分 {scores: {评查项编码: 得分}, problems}")
            .RequirePermission(EnforcementPermissions.ReviewScore);
        g.MapGet("/draws/{id:long}/results", (long id, SamplingService svc, CancellationToken ct) => svc.ResultsAsync(id, ct))
            .WithSummary("评查结果：按部门（案卷数、已评查、平均分）与按评查项（平均得分、得分率）")
            .RequirePermission(EnforcementPermissions.ReviewView);
        g.MapGet("/draws/{id:long}/export", async (long id, SamplingService svc, CancellationToken ct) =>
        {
            var (content, name) = await svc.ExportAsync(id, ct);
            return TypedResults.File(content, Xlsx, name);
        }).WithSummary("导出抽样记录与评查结果（Excel）")
            .RequirePermission(EnforcementPermissions.ReviewView);
    }
}
