using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Features.Actions;
using Fazhi.Web.Modules.Legality.Stats;

namespace Fazhi.Web.Modules.Legality.Features;

public sealed record MatterDeadlineDto(string Kind, string Title, string Due, string State, string StateName, string Explanation);

public sealed record CommentDto(long Id, int Seq, string Clause, string Text, string Author, string On, string? Adoption, string? AdoptionReason);

public sealed record MatterEventDto(string Action, string ActionName, string? From, string To, string On, string At, string Actor, string? Note);

public sealed record MatterDto(long Id, string? Number, string Kind, string KindName, string Title, string? Summary, string Unit, string ReviewBody, string SubmittedOn,
    string? SubmittedBy, string? ReceivedOn, string Status, string StatusName, string? Reviewer, string? Advisers, string? Conclusion, string? OpinionNumber,
    string? OpinionIssuedOn, string? ClosedOn, long? NormativeDocumentId, long? ContractId, IReadOnlyList<string> AllowedActions,
    IReadOnlyList<CommentDto> Comments, IReadOnlyList<MatterDeadlineDto> Deadlines, IReadOnlyList<MatterEventDto> Events)
{
    /// <summary>议题's 会议类型 (code and Chinese name); null for other kinds.</summary>
    public string? MeetingType { get; init; }
    public string? MeetingTypeName { get; init; }

    /// <summary>征求意见's 来源 (code and Chinese name); null for other kinds.</summary>
    public string? CommentSource { get; init; }
    public string? CommentSourceName { get; init; }
}

public sealed record DocumentDto(DocumentRow Row, IReadOnlyList<string> AllowedSteps, IReadOnlyList<MatterDeadlineDto> Deadlines, IReadOnlyList<MatterEventDto> Events,
    string? Meeting, string? DeliberatedOn, string? EvaluatedOn, string? Evaluation);

public sealed record CleanupRequest(string? Title);

public sealed record CleanupDecisionRequest(long? DocumentId, string? Decision, string? Note);

public sealed record FileContractRequest(DateOnly? On, DateOnly? SignedOn);

public static class LegalityEndpoints
{
    public static void MapLegality(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/legality").WithTags("合法性审查");

        g.MapPost("/matters", async (SubmitRequest request, ReviewService svc, CancellationToken ct) =>
        {
            var m = await svc.SubmitAsync(request, ct);
            return TypedResults.Created($"/api/v1/legality/matters/{m.Id}", await ToDtoAsync(m, svc, ct));
        }).WithSummary("送审（部门、镇街报送合法性审查事项；议题须填 meetingType（政府常务会议/专题会议/其他会议），征求意见须填 commentSource（立法调研/上级规范性文件/配合部门/其他）；附件通过 /api/v1/attachments/legality/matter/{id} 上传）")
            .RequirePermission(LegalityPermissions.Submit);

        g.MapGet("/matters", ([AsParameters] MatterFilter filter, LegalityQueries q, TimeProvider clock, CancellationToken ct) =>
                q.MattersAsync(filter, Dates.Today(clock), ct))
            .WithSummary("送审事项列表：q 搜索名称/编号，kind、status、meetingType（议题会议类型）、commentSource（征求意见来源）筛选，queue=open|mine|adoption，分页")
            .RequirePermission(LegalityPermissions.View);

        g.MapGet("/matters/export", async ([AsParameters] MatterFilter filter, LegalityQueries q, TimeProvider clock, CancellationToken ct) =>
                TypedResults.File(await LegalityQueries.MattersXlsxAsync(await q.ExportAsync(filter, Dates.Today(clock), ct), ct),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "合法性审查事项.xlsx"))
            .WithSummary("导出送审事项（Excel）")
            .RequirePermission(LegalityPermissions.View);

        g.MapGet("/matters/{id:long}", async (long id, ReviewService svc, CancellationToken ct) => await ToDtoAsync(await svc.GetAsync(id, ct), svc, ct))
            .WithSummary("送审事项详情：审查意见、采纳情况、期限（含计算说明）、办理过程")
            .RequirePermission(LegalityPermissions.View);

        foreach (var permission in new[] { LegalityPermissions.Review, LegalityPermissions.Comment, LegalityPermissions.Submit })
        {
            var segment = permission == LegalityPermissions.Review ? "review" : permission == LegalityPermissions.Comment ? "comment" : "submitter";
            g.MapPost($"/matters/{{id:long}}/{segment}/{{action}}", async (long id, string action, MatterActionRequest? request, ReviewService svc, CancellationToken ct) =>
            {
                var a = MatterActions.FromSegment(action);
                if (a is null || a.Permission != permission)
                    throw new NotFoundException($"没有“{action}”这一操作。");
                return await ToDtoAsync(await svc.ActAsync(id, a.Action, request ?? new MatterActionRequest(), ct), svc, ct);
            }).WithSummary("办理操作：" + MatterActions.Summary(permission)).RequirePermission(permission);
        }

        g.MapGet("/matters/{id:long}/opinion", async (long id, ReviewService svc, CancellationToken ct) =>
        {
            var d = await svc.OpinionAsync(id, ct);
            return TypedResults.File(d.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"合法性审查意见书-{d.Number}.docx");
        }).WithSummary("下载审核意见书（.docx）")
            .RequirePermission(LegalityPermissions.View);

        // 规范性文件
        g.MapPost("/documents", async (PlanRequest request, DocumentService svc, LegalityQueries q, CancellationToken ct) =>
        {
            var d = await svc.PlanAsync(request, ct);
            return TypedResults.Created($"/api/v1/legality/documents/{d.Id}", await DocumentDtoAsync(d, svc, q, ct));
        }).WithSummary("列入年度制定计划（规范性文件）")
            .RequirePermission(LegalityPermissions.DocumentManage);
        g.MapGet("/documents", (string? q, string? status, bool? inForce, int? page, int? size, LegalityQueries queries, CancellationToken ct) =>
                queries.DocumentsAsync(q, status, inForce ?? false, page, size, ct))
            .WithSummary("规范性文件列表")
            .RequirePermission(LegalityPermissions.View);
        g.MapGet("/documents/{id:long}", async (long id, DocumentService svc, LegalityQueries q, CancellationToken ct) => await DocumentDtoAsync(await svc.GetAsync(id, ct), svc, q, ct))
            .WithSummary("规范性文件详情：期限（备案、有效期）与过程")
            .RequirePermission(LegalityPermissions.View);
        g.MapPost("/documents/{id:long}/steps/{step}", async (long id, string step, DocumentStepRequest? request, DocumentService svc, LegalityQueries q, CancellationToken ct) =>
        {
            if (step.StartsWith("file-", StringComparison.Ordinal))
                throw new NotFoundException("备案请使用 /filings/{step}。");
            return await DocumentDtoAsync(await svc.StepAsync(id, step, request ?? new DocumentStepRequest(), ct), svc, q, ct);
        }).WithSummary("规范性文件办理：start-drafting, submit-for-review, deliberate（meeting）, publish（documentNumber, validUntil）, evaluate（note）, repeal（note）")
            .RequirePermission(LegalityPermissions.DocumentManage);
        g.MapPost("/documents/{id:long}/filings/{step}", async (long id, string step, DocumentStepRequest? request, DocumentService svc, LegalityQueries q, CancellationToken ct) =>
        {
            if (step is not ("file-with-government" or "file-with-congress"))
                throw new NotFoundException($"没有“{step}”这一操作。");
            return await DocumentDtoAsync(await svc.StepAsync(id, step, request ?? new DocumentStepRequest(), ct), svc, q, ct);
        }).WithSummary("备案登记：file-with-government / file-with-congress（逾期的照收并标注逾期）")
            .RequirePermission(LegalityPermissions.DocumentFile);

        g.MapPost("/cleanups", async (CleanupRequest request, DocumentService svc, CancellationToken ct) =>
        {
            var c = await svc.StartCleanupAsync(request.Title, ct);
            return TypedResults.Created($"/api/v1/legality/cleanups/{c.Id}", c);
        }).WithSummary("发起清理：列出现行有效的全部规范性文件").RequirePermission(LegalityPermissions.Cleanup);
        g.MapGet("/cleanups/{id:long}", (long id, DocumentService svc, CancellationToken ct) => svc.GetCleanupAsync(id, ct))
            .WithSummary("清理目录及结论").RequirePermission(LegalityPermissions.View);
        g.MapPost("/cleanups/{id:long}/decisions", (long id, CleanupDecisionRequest request, DocumentService svc, CancellationToken ct) =>
                svc.DecideAsync(id, request.DocumentId ?? 0, request.Decision, request.Note, ct))
            .WithSummary("清理结论：继续有效、修改、废止").RequirePermission(LegalityPermissions.Cleanup);
        g.MapPost("/cleanups/{id:long}/close", (long id, DocumentService svc, CancellationToken ct) => svc.CloseCleanupAsync(id, ct))
            .WithSummary("结束清理：全部文件有结论后，废止的文件即日废止").RequirePermission(LegalityPermissions.Cleanup);

        g.MapContracts(); // 合同: ContractEndpoints
        g.MapDecisions(api); // 重大行政决策: DecisionEndpoints
        g.MapAdvisers(); // 法律顾问: AdviserEndpoints

        g.MapGet("/stats", (string? org, DateOnly? from, DateOnly? to, LegalityMetricSource figures) => figures.AnswerAsync(org, Period.Parse(from, to)))
            .WithSummary("合法性审查统计（含下级机构），current 与 previous（上年同期）及同比")
            .RequirePermission(LegalityPermissions.View);

        api.MapGet("/public/legality/register/{region}", async (string region, LegalityQueries q, CancellationToken ct) =>
            {
                var (name, rows) = await q.PublicRegisterAsync(region, ct);
                return new { region = name, documents = rows };
            })
            .WithTags("合法性审查").WithSummary("现行有效规范性文件目录（公开）")
            .AllowPublic("现行有效规范性文件目录依法向社会公开");
    }

    public static async Task<MatterDto> ToDtoAsync(ReviewMatter m, ReviewService svc, CancellationToken ct)
    {
        var deadlines = await svc.DeadlinesAsync(m, ct);
        return new MatterDto(m.Id, m.Number, m.Kind.ToString(), LegalityNames.Of(m.Kind), m.Title, m.Summary, await svc.UnitNameAsync(m.OrgUnitId, ct),
            await svc.UnitNameAsync(m.ReviewOrgUnitId, ct), Iso(m.SubmittedOn), m.SubmittedBy, Iso(m.ReceivedOn), m.Status.ToString(), LegalityNames.Of(m.Status),
            m.ReviewerUserName, m.Advisers, m.Conclusion is { } c ? LegalityNames.Of(c) : null, m.OpinionNumber, Iso(m.OpinionIssuedOn), Iso(m.ClosedOn),
            m.NormativeDocumentId, m.ContractId,
            [.. ReviewStateMachine.AllowedFrom(m.Status).Select(MatterActions.Segment)],
            [.. m.Comments.OrderBy(x => x.Seq).Select(x => new CommentDto(x.Id, x.Seq, x.Clause, x.Text, x.Author, Iso(x.On), x.Adoption is { } a ? LegalityNames.Of(a) : null, x.AdoptionReason))],
            [.. deadlines.Select(d => Deadline(d, svc))],
            [.. m.Events.OrderBy(e => e.AtUtc).Select(e => new MatterEventDto(MatterActions.Segment(e.Action), ReviewStateMachine.NameOf(e.Action),
                e.FromStatus is { } f ? LegalityNames.Of(f) : null, LegalityNames.Of(e.ToStatus), Iso(e.On), ChinaTime.Format(e.AtUtc), e.Actor, e.Note))])
        {
            MeetingType = m.MeetingType?.ToString(), MeetingTypeName = m.MeetingType is { } mt ? MatterDetails.Of(mt) : null,
            CommentSource = m.CommentSource?.ToString(), CommentSourceName = m.CommentSource is { } cs ? MatterDetails.Of(cs) : null,
        };
    }

    public static MatterDeadlineDto Deadline(DeadlineSpec d, ReviewService svc) =>
        new(d.Kind, d.Title, HolidayFile.Iso(d.DueOn), d.Status.ToString(), d.Status switch
        {
            DeadlineStatus.Completed => "已完成",
            DeadlineStatus.Paused => "暂停计时",
            _ => svc.StateOf(d.DueOn).ChineseName(),
        }, d.Explanation);

    public static async Task<DocumentDto> DocumentDtoAsync(NormativeDocument d, DocumentService svc, LegalityQueries q, CancellationToken ct) =>
        new((await q.DocumentRowsAsync([d], ct))[0],
            [.. NormativeDocument.AllowedFrom(d.Status).Select(a => a.ToString()).Select(s => string.Concat(s.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString())))],
            [.. svc.Deadlines(d).Select(x => new MatterDeadlineDto(x.Kind, x.Title, HolidayFile.Iso(x.DueOn), x.Status.ToString(),
                x.Status == DeadlineStatus.Completed ? "已完成" : "进行中", x.Explanation))],
            [.. d.Events.OrderBy(e => e.AtUtc).Select(e => new MatterEventDto(e.Action.ToString(), NormativeDocument.NameOf(e.Action), e.FromStatus is { } f ? LegalityNames.Of(f) : null,
                LegalityNames.Of(e.ToStatus), Iso(e.On), ChinaTime.Format(e.AtUtc), e.Actor, e.Note))],
            d.Meeting, Iso(d.DeliberatedOn), Iso(d.EvaluatedOn), d.Evaluation);

    private static string Iso(DateOnly d) => HolidayFile.Iso(d);

    private static string? Iso(DateOnly? d) => d is { } x ? HolidayFile.Iso(x) : null;
}
