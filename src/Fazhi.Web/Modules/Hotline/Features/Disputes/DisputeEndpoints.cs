using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;

namespace Fazhi.Web.Modules.Hotline.Features.Disputes;

public static class DisputeEndpoints
{
    public static void MapDisputes(this RouteGroupBuilder g)
    {
        g.MapGet("/disputes", async (string? org, DateOnly? from, DateOnly? to, int? page, int? size, DisputeService svc, CancellationToken ct) =>
                ClusterPage.Of(await svc.MineAsync(org, Period.Parse(from, to), ct), page ?? 1, size ?? 20))
            .WithSummary("管辖争议聚类：同一地点（街道/社区）同类诉求中多次转办、退单或承办单位不明的工单，按频次与时近排序（默认本年）；分页（page 从1起，size 默认20、最多200），排名为全部聚类中的名次")
            .RequirePermission(HotlinePermissions.DisputeView);
        g.MapGet("/consultations", async (DisputeService svc, CancellationToken ct) =>
                (await svc.ListAsync(ct)).Select(c => new { c.Id, c.Title, status = c.Status.ToString(), statusName = ConsultationNames(c.Status), c.ProposedOn, c.RuledOn, c.RulingIssued }))
            .WithSummary("会商研判事项列表")
            .RequirePermission(HotlinePermissions.DisputeView);
        g.MapPost("/consultations", async (ProposeRequest request, DisputeService svc, CancellationToken ct) =>
            {
                var id = await svc.ProposeAsync(request, ct);
                return TypedResults.Created($"/api/v1/hotline/consultations/{id}", await svc.GetAsync(id, ct));
            })
            .WithSummary("提出会商：以争议聚类（key，及挖掘期间 from/to）立项")
            .RequirePermission(HotlinePermissions.DisputeHandle);
        g.MapGet("/consultations/{id:long}", (long id, DisputeService svc, CancellationToken ct) => svc.GetAsync(id, ct))
            .WithSummary("会商事项详情（含裁定后新发工单数：跟踪）")
            .RequirePermission(HotlinePermissions.DisputeView);
        g.MapPost("/consultations/{id:long}/consult", async (long id, ConsultRequest request, DisputeService svc, CancellationToken ct) =>
            {
                await svc.ConsultAsync(id, request, ct);
                return await svc.GetAsync(id, ct);
            })
            .WithSummary("记录会商：日期、参会部门、会商纪要")
            .RequirePermission(HotlinePermissions.DisputeHandle);
        g.MapPost("/consultations/{id:long}/rule", async (long id, RuleRequest request, DisputeService svc, CancellationToken ct) =>
            {
                await svc.RuleAsync(id, request, ct);
                return await svc.GetAsync(id, ct);
            })
            .WithSummary("明确责任部门（issueRuling=false）或出具裁定意见（issueRuling=true，按年编号）")
            .RequirePermission(HotlinePermissions.DisputeHandle);
        g.MapPost("/consultations/{id:long}/feedback", async (long id, FeedbackRequest request, DisputeService svc, CancellationToken ct) =>
            {
                await svc.FeedbackAsync(id, request, ct);
                return await svc.GetAsync(id, ct);
            })
            .WithSummary("登记责任部门反馈，转入跟踪")
            .RequirePermission(HotlinePermissions.DisputeHandle);
        g.MapGet("/consultations/{id:long}/ruling.docx", async (long id, DisputeService svc, CancellationToken ct) =>
            {
                var (content, name) = await svc.RulingDocumentAsync(id, ct);
                return TypedResults.File(content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
            })
            .WithSummary("下载裁定意见（.docx，GB/T 9704 版式）")
            .RequirePermission(HotlinePermissions.DisputeView);
    }

    private static string ConsultationNames(Domain.ConsultationStatus s) => Domain.ConsultationMachine.Name(s);
}
