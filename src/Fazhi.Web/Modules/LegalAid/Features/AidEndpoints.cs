using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Features.Actions;
using Fazhi.Web.Modules.LegalAid.Stats;

namespace Fazhi.Web.Modules.LegalAid.Features;

public sealed record AidDeadlineDto(string Kind, string Title, string Due, string StateName, int DaysLeft, string Explanation);

public sealed record AidEventDto(string Action, string ActionName, string On, string At, string Actor, string? Note);

public sealed record AidCaseDto(long Id, string Number, string Status, string StatusName, string ApplicantName, string? ApplicantIdMasked,
    string? ApplicantPhoneMasked, string Matter, string CaseType, string? Stage, string Channel, string Eligibility, string? EligibilityCategory,
    string? Green, bool? SameDay, string? NoticeAuthority, string ReceivedAt, string? DecidedOn, string? RefusalReason, bool ProvidedFirst,
    string? MissingMaterials, string? ProviderName, string? AssignedOn, string? ClosedOn, string? Result, decimal Recovered, decimal Subsidy,
    int? FileScore, int? Satisfaction, string? SatisfactionNote, int HearingsAttended, string? Referral, IReadOnlyList<string> AllowedActions,
    IReadOnlyList<string> Documents, IReadOnlyList<AidDeadlineDto> Deadlines, IReadOnlyList<AidEventDto> Events, bool SeriousCharge = false);

public sealed record StandardsRequest(IReadOnlyList<SubsidyStandardRow>? Rows);

public static class AidEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapLegalAid(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/legal-aid").WithTags("法律援助");

        g.MapPost("/cases", async (AidIntakeRequest request, AidService svc, CancellationToken ct) =>
        {
            var c = await svc.IntakeAsync(request, ct);
            return TypedResults.Created($"/api/v1/legal-aid/cases/{c.Id}", ToDto(c, svc));
        }).WithSummary("收到法律援助申请或公检法通知（自动编号，开始计算审查/指派期限）")
            .RequirePermission(LegalAidPermissions.CaseIntake);

        g.MapGet("/cases", ([AsParameters] AidFilter filter, AidQueries queries, TimeProvider clock, CancellationToken ct) =>
            queries.SearchAsync(filter, Dates.Today(clock), ct))
            .WithSummary("案件列表：q 搜索编号/申请人/事项/承办人（完整身份证号、电话精确查找），status、type、channel、green、from、to、queue=open|unassigned|overdue|green-missed，分页")
            .RequirePermission(LegalAidPermissions.CaseView);

        g.MapGet("/cases/export", async ([AsParameters] AidFilter filter, AidQueries queries, TimeProvider clock, CancellationToken ct) =>
            TypedResults.File(await AidQueries.ToXlsxAsync(await queries.ExportAsync(filter, Dates.Today(clock), ct), ct), Xlsx, "法律援助案件.xlsx"))
            .WithSummary("导出案件列表（Excel）")
            .RequirePermission(LegalAidPermissions.CaseView);

        g.MapGet("/cases/{id:long}", async (long id, AidService svc, CancellationToken ct) => ToDto(await svc.GetAsync(id, ct), svc))
            .WithSummary("案件详情：期限（含计算说明）与办理过程")
            .RequirePermission(LegalAidPermissions.CaseView);

        g.MapPost("/cases/{id:long}/actions/{action}", async (long id, string action, AidActionRequest? request, AidService svc, CancellationToken ct) =>
        {
            var a = AidActions.FromSegment(action) ?? throw new NotFoundException($"没有“{action}”这一操作。");
            return ToDto(await svc.ActAsync(id, a.Action, request ?? new AidActionRequest(), ct), svc);
        }).WithSummary(AidActions.ApiSummary).WithDescription(AidActions.ApiDescription)
            .RequirePermission(LegalAidPermissions.CaseHandle);

        g.MapGet("/cases/{id:long}/documents", (long id, AidDocuments docs, CancellationToken ct) => docs.ListAsync(id, ct))
            .WithSummary("案件的法律援助文书")
            .RequirePermission(LegalAidPermissions.CaseView);
        g.MapPost("/cases/{id:long}/documents/{kind}", async (long id, string kind, AidDocuments docs, CancellationToken ct) =>
        {
            var k = AidDocuments.Parse(kind) ?? throw new NotFoundException($"没有“{kind}”这类文书。");
            var d = await docs.GenerateAsync(id, k, ct);
            return TypedResults.Created($"/api/v1/legal-aid/documents/{d.Id}", new AidDocumentDto(d.Id, AidDocuments.Segment(d.Kind), d.Title, d.Number, ChinaTime.Format(d.CreatedAtUtc), d.CreatedBy));
        }).WithSummary("制作文书（.docx）：grant-decision, refusal-decision, assignment-notice, closing-report")
            .RequirePermission(LegalAidPermissions.DocumentGenerate);
        g.MapGet("/documents/{id:long}", async (long id, AidDocuments docs, CancellationToken ct) =>
        {
            var d = await docs.GetAsync(id, ct);
            return TypedResults.File(d.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{d.Title}-{d.Number}.docx");
        }).WithSummary("下载文书")
            .RequirePermission(LegalAidPermissions.CaseView);

        g.MapPost("/consultations", async (ConsultationRequest request, AidDirectory dir, CancellationToken ct) =>
        {
            var c = await dir.AddConsultationAsync(request, ct);
            return TypedResults.Created($"/api/v1/legal-aid/consultations/{c.Id}", AidDirectory.ToRow(c));
        }).WithSummary("登记咨询（来电、来信、来访、网上）")
            .RequirePermission(LegalAidPermissions.ConsultationRecord);
        g.MapGet("/consultations", (string? q, string? mode, DateOnly? from, DateOnly? to, int? page, int? size, AidDirectory dir, CancellationToken ct) =>
            dir.ConsultationsAsync(q, mode, from, to, page ?? 1, PageSizes.Of(size), ct))
            .WithSummary("咨询登记列表：q 搜索咨询人/问题（完整电话精确查找），mode，from，to，分页")
            .RequirePermission(LegalAidPermissions.CaseView);
        g.MapGet("/consultations/export", async (string? q, string? mode, DateOnly? from, DateOnly? to, AidDirectory dir, CancellationToken ct) =>
        {
            var rows = await dir.ConsultationExportAsync(q, mode, from, to, ct);
            using var stream = new MemoryStream();
            await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, rows.Select(r => new Dictionary<string, object?>
            {
                ["时间"] = r.At, ["方式"] = r.Mode, ["咨询人"] = r.Name, ["电话"] = r.PhoneMasked, ["类别"] = r.CaseType, ["问题"] = r.Question,
                ["解答"] = r.Answer, ["接待人"] = r.Handler, ["转介"] = r.Referral, ["已转申请"] = r.CaseId is null ? "否" : "是",
            }), sheetName: "法律咨询", cancellationToken: ct);
            return TypedResults.File(stream.ToArray(), Xlsx, "法律咨询.xlsx");
        }).WithSummary("导出咨询登记（Excel）")
            .RequirePermission(LegalAidPermissions.CaseView);

        g.MapGet("/providers", (bool? all, AidDirectory dir, CancellationToken ct) => dir.ProvidersAsync(all != true, ct))
            .WithSummary("人员名册（律师、法律援助机构工作人员、基层法律服务工作者），按当前在办案件数从少到多")
            .RequirePermission(LegalAidPermissions.CaseView);
        g.MapPost("/providers", async (ProviderRequest request, AidDirectory dir, CancellationToken ct) =>
        {
            var p = await dir.AddProviderAsync(request, ct);
            return TypedResults.Created($"/api/v1/legal-aid/providers/{p.Id}", new { p.Id, p.Name });
        }).WithSummary("名册新增人员")
            .RequirePermission(LegalAidPermissions.RosterEdit);
        g.MapGet("/workstations", (AidDirectory dir, CancellationToken ct) => dir.WorkstationsAsync(ct))
            .WithSummary("法律援助工作站（所在单位、值班律师数、经工作站申请数）")
            .RequirePermission(LegalAidPermissions.CaseView);

        g.MapPost("/workstations", async (WorkstationRequest request, AidWorkstations svc, CancellationToken ct) =>
        {
            var w = await svc.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/legal-aid/workstations/{w.Id}", w);
        }).WithSummary("新设法律援助工作站").RequirePermission(LegalAidPermissions.RosterEdit);
        g.MapPut("/workstations/{id:long}", (long id, WorkstationRequest request, AidWorkstations svc, CancellationToken ct) => svc.UpdateAsync(id, request, ct))
            .WithSummary("修改工作站（名称、所在单位、地址、设立日期、是否在用）").RequirePermission(LegalAidPermissions.RosterEdit);
        g.MapGet("/workstations/{id:long}/duty", (long id, AidWorkstations svc, CancellationToken ct) => svc.DutyAsync(id, ct))
            .WithSummary("工作站值班律师名单").RequirePermission(LegalAidPermissions.CaseView);
        g.MapPut("/workstations/{id:long}/duty", (long id, DutyRequest request, AidWorkstations svc, CancellationToken ct) => svc.SetDutyAsync(id, request, ct))
            .WithSummary("安排或撤下工作站值班律师（值班律师应为律师，一人只在一个工作站值班）").RequirePermission(LegalAidPermissions.RosterEdit);
        g.MapGet("/subsidies/standards", (AidDirectory dir, CancellationToken ct) => dir.StandardsAsync(ct))
            .WithSummary("办案补贴标准（按案件类别和办案阶段）")
            .RequirePermission(LegalAidPermissions.CaseView);
        g.MapPut("/subsidies/standards", (StandardsRequest request, AidDirectory dir, CancellationToken ct) => dir.SaveStandardsAsync(request.Rows, ct))
            .WithSummary("修改办案补贴标准：整表替换，任何一行有误则不作修改（400，指明行和字段）")
            .RequirePermission(LegalAidPermissions.SubsidyEdit);
        g.MapGet("/subsidies/payments", (DateOnly? from, DateOnly? to, AidDirectory dir) => dir.PaymentsAsync(Period.Parse(from, to), CancellationToken.None))
            .WithSummary("补贴发放清单：期间内结案案件的应发办案补贴，按承办人员汇总")
            .RequirePermission(LegalAidPermissions.CaseView);
        g.MapPost("/subsidies/payments/paid", (SubsidyPaidRequest request, AidDirectory dir, CancellationToken ct) => dir.MarkPaidAsync(request, ct))
            .WithSummary("补贴发放清单标记已发放（期间内全部待发放的结案案件；已发放的不再变动）")
            .RequirePermission(LegalAidPermissions.SubsidyEdit);
        g.MapGet("/subsidies/payments/export", async (DateOnly? from, DateOnly? to, AidDirectory dir, CancellationToken ct) =>
            TypedResults.File(await AidDirectory.PaymentsXlsxAsync(await dir.PaymentsAsync(Period.Parse(from, to), ct), ct), Xlsx, "办案补贴发放清单.xlsx"))
            .WithSummary("导出补贴发放清单（Excel）")
            .RequirePermission(LegalAidPermissions.CaseView);

        g.MapGet("/stats", (string? org, DateOnly? from, DateOnly? to, AidMetricSource figures) => figures.AnswerAsync(org, Period.Parse(from, to)))
            .WithSummary("法律援助统计（含下级机构），附上年同期；绿色通道未当天受理指派的案件列表")
            .RequirePermission(LegalAidPermissions.CaseView);
    }

    public static AidCaseDto ToDto(AidCase c, AidService svc)
    {
        var today = svc.Today;
        return new AidCaseDto(c.Id, c.Number, c.Status.ToString(), AidNames.Of(c.Status), c.ApplicantName, PersonalData.MaskIdNumber(c.ApplicantIdNumber),
            PersonalData.MaskPhone(c.ApplicantPhone), c.Matter, AidNames.Of(c.CaseType), c.Stage, AidNames.Of(c.Channel), AidNames.Of(c.Eligibility), c.EligibilityCategory,
            c.Green is { } g ? AidNames.Of(g) : null, c.Green is null ? null : c.SameDay, c.NoticeAuthority, ChinaTime.Format(c.ReceivedAtUtc), Iso(c.DecidedOn),
            c.RefusalReason, c.ProvidedFirst, c.MissingMaterials, c.ProviderName, Iso(c.AssignedOn), Iso(c.ClosedOn), c.Result is { } r ? AidNames.Of(r) : null,
            c.RecoveredFen / 100m, c.SubsidyFen / 100m, c.FileScore, c.Satisfaction, c.SatisfactionNote, c.HearingsAttended,
            c.ReferralRef is null ? null : $"{c.ReferralSource}：{c.ReferralRef}",
            [.. AidStateMachine.AllowedFrom(c.Status).Where(a => AidActions.Find(a) is not null && (a != AidAction.ReferBack || c.ReferralRef is not null)).Select(AidActions.Segment)],
            [.. AidDocuments.Available(c).Select(AidDocuments.Segment)],
            [.. svc.Deadlines(c).Select(d => new AidDeadlineDto(d.Kind, d.Title, HolidayFile.Iso(d.DueOn),
                d.Status switch { DeadlineStatus.Completed => "已完成", DeadlineStatus.Paused => "暂停计时", _ => svc.StateOf(d).ChineseName() },
                d.DueOn.DayNumber - today.DayNumber, d.Explanation))],
            [.. c.Events.OrderBy(e => e.On).ThenBy(e => e.AtUtc).Select(e => new AidEventDto(AidActions.Segment(e.Action), AidStateMachine.NameOf(e.Action),
                HolidayFile.Iso(e.On), ChinaTime.Format(e.AtUtc), e.Actor, e.Note))], c.SeriousCharge);
    }

    private static string? Iso(DateOnly? d) => d is { } x ? HolidayFile.Iso(x) : null;
}
