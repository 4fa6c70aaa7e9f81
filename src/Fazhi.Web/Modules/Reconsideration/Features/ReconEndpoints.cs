using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features.Actions;
using Fazhi.Web.Modules.Reconsideration.Features.CaseFile;
using Fazhi.Web.Modules.Reconsideration.Features.Desk;
using Fazhi.Web.Modules.Reconsideration.Features.Public;
using Fazhi.Web.Modules.Reconsideration.Stats;

namespace Fazhi.Web.Modules.Reconsideration.Features;

public sealed record DeadlineDto(string Kind, string Title, string Due, string State, string StateName, int DaysLeft, string Explanation);

public sealed record EventDto(string Action, string ActionName, string On, string At, string Actor, string? Note);

public sealed record CaseDto(long Id, string CaseNumber, string Status, string StatusName, string ApplicantName, string ApplicantKind,
    string? ApplicantIdMasked, string? ApplicantPhoneMasked, string? AgentName, string RespondentName, string Matter, string? ActDate,
    string? LearnedOn, string Channel, string ReceivedAt, string? Procedure, string? AcceptedOn, bool DeemedAccepted, int ExtensionDays,
    string? DecisionType, string? TerminationReason, string? ClosedOn, string? ServedOn, string? FirstContactAt, bool? ContactedWithinAnHour,
    string? AssigneeUserName, string? ApplicationPeriod, bool? ApplicationInTime, IReadOnlyList<string> AllowedActions, IReadOnlyList<DeadlineDto> Deadlines, IReadOnlyList<EventDto> Events,
    CaseRecordDto? Record = null);

/// <summary>recon-rules (issue 15 §1, §2): the contested act, the parties, 作废, the basis of the decision, the 速联 time.</summary>
public sealed record CaseRecordDto(string? ActName, string? ActDocumentNumber, string? ActAgency, bool RealProperty, bool NotToldOfRight,
    string? RightLearnedOn, bool Voided, string? VoidReason, string? DecisionMode, string? DecidedBy, int? RespondentPeriodDays,
    string? CompetentBody, string? QuickContactDue, IReadOnlyList<PartyDto> Parties);

public sealed record PartyDto(string Role, string RoleName, string Name, string? IdMasked, string? PhoneMasked, string? ActsFor, string? Authorisation);

public sealed record BulkAssignRequest(IReadOnlyList<long>? Ids, string? Assignee);

public static class ReconEndpoints
{
    public static void MapReconsideration(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reconsideration").WithTags("行政复议");

        g.MapPost("/cases", async (IntakeRequest request, ReconCaseService svc, CancellationToken ct) =>
        {
            var c = await svc.IntakeAsync(request, ct);
            return TypedResults.Created($"/api/v1/reconsideration/cases/{c.Id}", ToDto(c, svc));
        }).WithSummary("收到申请（登记行政复议申请，自动编号并开始计算审查期限）")
            .RequirePermission(ReconPermissions.CaseIntake);

        g.MapGet("/cases", ([AsParameters] CaseFilter filter, CaseQueries queries, TimeProvider clock, CancellationToken ct) =>
            queries.SearchAsync(filter, DateOnly.FromDateTime(ChinaTime.Now(clock)), ct))
            .WithSummary("案件列表：queue=mine|unassigned|due|overdue|open，q 搜索案号/当事人/被申请人，分页")
            .RequirePermission(ReconPermissions.CaseView);

        g.MapGet("/cases/export", async ([AsParameters] CaseFilter filter, CaseQueries queries, TimeProvider clock, CancellationToken ct) =>
            TypedResults.File(await CaseQueries.ToXlsxAsync(await queries.ExportAsync(filter, DateOnly.FromDateTime(ChinaTime.Now(clock)), ct), ct),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "行政复议案件.xlsx"))
            .WithSummary("导出案件列表（Excel）")
            .RequirePermission(ReconPermissions.CaseView);

        g.MapGet("/cases/{id:long}", async (long id, ReconCaseService svc, CancellationToken ct) => ToDto(await svc.GetAsync(id, ct), svc))
            .WithSummary("案件详情：期限（含计算说明）与办理过程")
            .RequirePermission(ReconPermissions.CaseView);

        g.MapPost("/cases/{id:long}/actions/{action}", async (long id, string action, ActionRequest? request, ReconCaseService svc, CancellationToken ct) =>
        {
            var a = CaseActions.FromSegment(action) ?? throw new NotFoundException($"没有“{action}”这一操作。");
            return ToDto(await svc.ActAsync(id, a.Action, request ?? new ActionRequest(), ct), svc);
        })
          .WithSummary(CaseActions.ApiSummary).WithDescription(CaseActions.ApiDescription)
            .RequirePermission(ReconPermissions.CaseHandle);

        g.MapGet("/cases/{id:long}/documents", (long id, DocumentService docs, CancellationToken ct) => docs.ListAsync(id, ct))
            .WithSummary("案件的法律文书")
            .RequirePermission(ReconPermissions.CaseView);
        g.MapPost("/cases/{id:long}/documents/{kind}", async (long id, string kind, long? documentId, DocumentService docs, CancellationToken ct) =>
        {
            var k = DocumentService.ParseKind(kind) ?? throw new NotFoundException($"没有“{kind}”这类文书。");
            var d = await docs.GenerateAsync(id, k, ct, documentId);
            return TypedResults.Created($"/api/v1/reconsideration/documents/{d.Id}", DocumentService.ToDto(d));
        })
          .WithSummary("制作或重新生成文书草稿（.docx，签发时取文号）：acceptance-notice, correction-notice, rejection-decision, reply-notice, hearing-notice, hearing-record, suspension-notice, resumption-notice, termination-decision, extension-notice, mediation-agreement, decision-draft, opinion-letter, service-receipt（documentId=所送达文书）, archive-index")
            .RequirePermission(ReconPermissions.DocumentGenerate);
        g.MapGet("/documents/{id:long}", async (long id, DocumentService docs, CancellationToken ct) =>
        {
            var d = await docs.GetAsync(id, ct);
            return TypedResults.File(d.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{d.Title}-{d.Number ?? DocumentService.StatusName(d.Status)}.docx");
        }).WithSummary("下载文书")
            .RequirePermission(ReconPermissions.CaseView);

        g.MapGet("/templates", (DocumentService docs, CancellationToken ct) => docs.TemplatesAsync(ct))
            .RequirePermission(ReconPermissions.CaseView).WithSummary("文书模板及可用字段（{{字段名}}）");
        g.MapPut("/templates/{kind}", async (string kind, SaveTemplateRequest request, DocumentService docs, CancellationToken ct) =>
        {
            var k = DocumentService.ParseKind(kind) ?? throw new NotFoundException($"没有“{kind}”这类文书。");
            await docs.SaveTemplateAsync(k, request.Body, ct);
            return (await docs.TemplatesAsync(ct)).Templates.Single(t => t.Kind == DocumentService.SegmentOf(k));
        }).RequirePermission(ReconPermissions.TemplateEdit).RequireAuthorization(Policies.PlatformAdmin)
          .WithSummary("修改文书模板：只能使用列出的字段，含未知字段的模板不予保存（400，指明字段并列出可用字段）");

        g.MapPost("/import", async (IFormFile? file, string? org, bool? dryRun, Import.LedgerImporter importer, CancellationToken ct) =>
        {
            if (file is null || file.Length == 0)
                throw FazhiValidationException.For("file", "请上传台账文件（.xlsx 或 .csv）");
            await using var stream = file.OpenReadStream();
            var result = await importer.ImportAsync(stream, file.FileName, org, dryRun ?? true, ct);
            if (!result.DryRun && !result.Committed)
                throw new FazhiValidationException(result.Errors.GroupBy(e => (e.Sheet is null ? "" : e.Sheet + " ") + (e.Row == 0 ? "file" : $"第{e.Row}行{(e.Column is null ? "" : " " + e.Column)}"))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), $"台账有{result.Errors.Count}处错误，未导入任何数据");
            return result;
        }).DisableAntiforgery() // bearer-token API: cookie writes are refused by the auth scheme
          .WithMetadata(new UploadLimitAttribute(Import.LedgerImporter.MaxBytes))
          .WithSummary("台账导入（.xlsx/.csv，最大20MB）：dryRun=true 只检查并列出每行错误；dryRun=false 全部正确才一次性导入。按案号幂等")
            .RequirePermission(ReconPermissions.LedgerImport);
        g.MapGet("/ledger", async (int? year, Import.LedgerImporter importer, CancellationToken ct) =>
            TypedResults.File(await importer.ExportAsync(year, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "行政复议台账.xlsx"))
            .WithSummary("台账导出（与导入格式相同）")
            .RequirePermission(ReconPermissions.CaseView);

        g.MapReconCaseFile();
        g.MapReconDesk();   // issue 15 §6: 审批台, 呈批表
        api.MapReconPublic(); // issue 15 §6, §3: 网上申请, 进度查询, 决定书公开

        var lit = api.MapGroup("/litigation").WithTags("行政应诉");
        lit.MapGet("/cases", (string? q, LitigationService svc, CancellationToken ct) => svc.ListAsync(q, ct)).WithSummary("应诉案件列表")
            .RequirePermission(ReconPermissions.LitigationView);
        lit.MapGet("/cases/{id:long}", async (long id, LitigationService svc, CancellationToken ct) => svc.ToDto(await svc.GetAsync(id, ct), null))
            .RequirePermission(ReconPermissions.LitigationView);
        lit.MapPost("/cases", async (LitigationRequest request, LitigationService svc, CancellationToken ct) =>
        {
            var c = await svc.SaveAsync(null, request, ct);
            return TypedResults.Created($"/api/v1/litigation/cases/{c.Id}", svc.ToDto(c, request.ReconCaseNumber));
        }).WithSummary("登记应诉案件（答辩期限自收到起诉状副本起15日，行政诉讼法第六十七条）")
            .RequirePermission(ReconPermissions.LitigationEdit);
        lit.MapPut("/cases/{id:long}", async (long id, LitigationRequest request, LitigationService svc, CancellationToken ct) =>
            svc.ToDto(await svc.SaveAsync(id, request, ct), request.ReconCaseNumber)).WithSummary("更新应诉案件（开庭、负责人出庭、结果）")
            .RequirePermission(ReconPermissions.LitigationEdit);
        lit.MapPost("/cases/{id:long}/hearings", async (long id, CourtHearingRequest request, LitigationService svc, CancellationToken ct) =>
            svc.ToDto(await svc.AddHearingAsync(id, request, ct), null))
            .WithSummary("记录一次开庭及行政机关负责人是否出庭（行政诉讼法第三条第三款）")
            .RequirePermission(ReconPermissions.LitigationEdit);

        g.MapGet("/cases/{id:long}/approvals", (long id, ReconApprovalService svc, CancellationToken ct) => svc.ListAsync(id, false, ct))
            .WithSummary("案件的呈报审批记录")
            .RequirePermission(ReconPermissions.CaseView);
        g.MapPost("/cases/{id:long}/approvals", async (long id, SubmitRequest request, ReconApprovalService svc, CancellationToken ct) =>
        {
            var a = await svc.SubmitAsync(id, request, ct);
            return TypedResults.Created($"/api/v1/reconsideration/approvals/{a.Id}", ReconApprovalService.ToDto(a, null));
        }).WithSummary(CaseActions.ApprovalApiSummary)
            .RequirePermission(ReconPermissions.ApprovalSubmit);
        g.MapPost("/documents/{id:long}/approvals", async (long id, IssueSubmitRequest request, ReconApprovalService svc, CancellationToken ct) =>
        {
            var a = await svc.SubmitIssueAsync(id, request, ct);
            return TypedResults.Created($"/api/v1/reconsideration/approvals/{a.Id}", ReconApprovalService.ToDto(a, null));
        }).WithSummary("呈报签发文书草稿（签发日期、签发人、承办人意见）：批准时签发并取文号；非草稿或已有待审批的签发呈报时拒绝（409）")
            .RequirePermission(ReconPermissions.ApprovalSubmit);
        g.MapGet("/approvals", (ReconApprovalService svc, CancellationToken ct) => svc.ListAsync(null, true, ct)).WithSummary("待审批的呈报")
            .RequirePermission(ReconPermissions.CaseView);
        g.MapPost("/approvals/{id:long}/approve", async (long id, OpinionRequest? request, ReconApprovalService svc, CancellationToken ct) =>
            ReconApprovalService.ToDto(await svc.ApproveAsync(id, request?.Opinion, ct), null)).WithSummary("批准（批示），并执行所呈报的操作")
            .RequirePermission(ReconPermissions.ApprovalDecide);
        g.MapPost("/approvals/{id:long}/return", async (long id, OpinionRequest? request, ReconApprovalService svc, CancellationToken ct) =>
            ReconApprovalService.ToDto(await svc.ReturnAsync(id, request?.Opinion, ct), null)).WithSummary("退回（须写明理由）")
            .RequirePermission(ReconPermissions.ApprovalDecide);
        g.MapPost("/approvals/{id:long}/withdraw", async (long id, ReconApprovalService svc, CancellationToken ct) =>
            ReconApprovalService.ToDto(await svc.WithdrawAsync(id, ct), null)).WithSummary("呈报人撤回")
            .RequirePermission(ReconPermissions.ApprovalSubmit);

        g.MapPost("/cases/assign", async (BulkAssignRequest request, ReconCaseService svc, CancellationToken ct) =>
            new { assigned = await svc.AssignManyAsync(request.Ids ?? [], request.Assignee, ct) })
            .WithSummary("批量分配或改派承办人（assignee 为空即取消分配）")
            .RequirePermission(ReconPermissions.CaseAssign);

        g.MapGet("/stats", (string? org, DateOnly? from, DateOnly? to, ReconMetricSource figures) => figures.AnswerAsync(org, Period.Parse(from, to)))
            .WithSummary("行政复议统计（含下级机构），附上年同期")
            .RequirePermission(ReconPermissions.CaseView);
    }

    public static CaseDto ToDto(ReconCase c, ReconCaseService svc)
    {
        var deadlines = svc.Deadlines(c);
        var period = svc.ApplicationPeriodOf(c);
        return new CaseDto(c.Id, c.CaseNumber, c.Status.ToString(), ReconNames.Of(c.Status), c.ApplicantName, ReconCaseService.KindName(c.ApplicantKind),
            PersonalData.MaskIdNumber(c.ApplicantIdNumber), PersonalData.MaskPhone(c.ApplicantPhone), c.AgentName, c.RespondentName, c.Matter,
            Iso(c.ActDate), Iso(c.LearnedOn), ReconNames.Of(c.Channel), ChinaTime.Format(c.ReceivedAtUtc), c.Procedure is { } p ? ReconNames.Of(p) : null,
            Iso(c.AcceptedOn), c.DeemedAccepted, c.ExtensionDays, c.DecisionType is { } d ? ReconNames.Of(d) : null,
            c.TerminationReason is { } t ? ReconNames.Of(t) : null, Iso(c.ClosedOn), Iso(c.ServedOn),
            c.FirstContactAtUtc is { } fc ? ChinaTime.Format(fc) : null, c.FirstContactAtUtc is null ? null : c.ContactedInOfficeHour,
            c.AssigneeUserName, period?.Explanation, period?.InTime, [.. CaseStateMachine.AllowedFrom(c.Status).Select(CaseActions.Segment)],
            [.. deadlines.Select(x => new DeadlineDto(x.Kind, x.Title, HolidayFile.Iso(x.DueOn), x.Status.ToString(), StateName(x, svc.StateOf(x)),
                x.DueOn.DayNumber - svc.Today.DayNumber, x.Explanation))],
            [.. c.Events.OrderBy(e => e.On).ThenBy(e => e.AtUtc).Select(e => new EventDto(CaseActions.Segment(e.Action), CaseStateMachine.NameOf(e.Action),
                HolidayFile.Iso(e.On), ChinaTime.Format(e.AtUtc), e.Actor, e.Note))],
            RecordOf(c));
    }

    private static CaseRecordDto RecordOf(ReconCase c) => new(c.ActName, c.ActDocumentNumber, c.ActAgency, c.RealProperty, c.NotToldOfRight,
        Iso(c.RightLearnedOn), c.Status == CaseStatus.Voided, c.VoidReason, c.DecisionMode, c.DecidedBy, c.RespondentPeriodDays, c.CompetentBody,
        c.QuickContactDueUtc is { } q ? ChinaTime.Format(q) : null,
        [.. c.Parties.OrderBy(p => p.Role).ThenBy(p => p.Id).Select(p => new PartyDto(p.Role.ToString(), PartyNames.Of(p.Role), p.Name,
            PersonalData.MaskIdNumber(p.IdNumber), PersonalData.MaskPhone(p.Phone), p.ActsFor, p.Authorisation))]);

    /// <summary>已完成 / 暂停计时, or for an open deadline its state by the one rule (正常 / 即将到期 / 已逾期).</summary>
    public static string StateName(DeadlineSpec d, DeadlineState state) => d.Status switch
    {
        DeadlineStatus.Completed => "已完成",
        DeadlineStatus.Paused => "暂停计时",
        _ => state.ChineseName(),
    };

    private static string? Iso(DateOnly? d) => d is { } x ? HolidayFile.Iso(x) : null;
}
