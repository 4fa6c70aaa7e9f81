using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;

namespace Fazhi.Web.Modules.Legality.Features;

public static class AdviserEndpoints
{
    /// <summary>法律顾问 and 公职律师: register, work (法律意见书, 诉讼代理申报), evaluation, community coverage.</summary>
    public static void MapAdvisers(this RouteGroupBuilder g)
    {
        g.MapGet("/advisers", (string? q, string? kind, int? page, int? size, AdviserService svc, CancellationToken ct) => svc.ListAsync(q, kind, page, size, ct))
            .WithSummary("法律顾问名册：q 搜索姓名/执业机构，kind 筛选（政府法律顾问、公职律师、村（社区）法律顾问），分页，含法律意见书和诉讼代理件数")
            .RequirePermission(LegalityPermissions.View);
        g.MapPost("/advisers", async (AdviserRequest request, AdviserService svc, CancellationToken ct) =>
        {
            var a = await svc.RegisterAsync(request, ct);
            return TypedResults.Created($"/api/v1/legality/advisers/{a.Id}", (await svc.ListAsync(a.Name, null, 1, 100, ct)).Items.First(x => x.Id == a.Id));
        }).WithSummary("登记法律顾问/公职律师（村（社区）法律顾问须列出服务的村（社区）代码）").RequirePermission(LegalityPermissions.AdviserManage);
        g.MapPost("/advisers/{id:long}/work", async (long id, AdviserWorkRequest request, AdviserService svc, CancellationToken ct) =>
        {
            var w = await svc.RecordWorkAsync(id, request, ct);
            return new { w.Id, w.AdviserId, Kind = w.Kind.ToString(), KindName = Domain.LegalityNames.Of(w.Kind), On = HolidayFile.Iso(w.On), w.Subject, w.Court, w.CaseNumber };
        }).WithSummary("登记工作：法律意见书、审查合同、参与论证、诉讼代理（党政一体法律顾问诉讼代理申报，须填法院、案号）")
            .RequirePermission(LegalityPermissions.AdviserManage);
        g.MapPost("/advisers/{id:long}/evaluations", async (long id, AdviserEvaluationRequest request, AdviserService svc, CancellationToken ct) =>
        {
            var e = await svc.EvaluateAsync(id, request, ct);
            return new { e.AdviserId, e.Year, Grade = e.Grade.ToString(), GradeName = Domain.LegalityNames.Of(e.Grade), e.Note, e.EvaluatedBy };
        }).WithSummary("年度考评（优秀、称职、基本称职、不称职；同一年度再次考评即更正）").RequirePermission(LegalityPermissions.AdviserManage);
        g.MapGet("/advisers/coverage", async (DateOnly? on, AdviserService svc, CancellationToken ct) => await svc.CoverageAsync(svc.ScopePath, on ?? svc.TodayDate, ct))
            .WithSummary("一村（社区）一法律顾问覆盖情况：机构目录中的村（社区）数、已有顾问的数量、覆盖率，按街镇").RequirePermission(LegalityPermissions.View);
    }
}
