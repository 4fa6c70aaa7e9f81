using System.Text.Json;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Approvals;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features.Actions;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Features;

public sealed record ApprovalDto(long Id, long CaseId, string? CaseNumber, string Action, string ActionName, string Status, string StatusName,
    string Summary, string? Note, string SubmittedBy, string SubmittedAt, string? Opinion, string? DecidedBy, string? DecidedAt);

public sealed record SubmitRequest(string? Action, ActionRequest? Request, string? Note);

public sealed record OpinionRequest(string? Opinion);

/// <summary>呈报签发 of a draft document: the 签发 particulars (as a direct 签发) and the 承办人's note.</summary>
public sealed record IssueSubmitRequest(DateOnly? On, string? Signer, string? Note);

/// <summary>What a 签发 呈报 stores: the request approval passes to <see cref="DocumentService.IssueAsync"/>, and the
/// document's case and title as they were submitted (for lists and the 呈批表).</summary>
internal sealed record IssueParameters(DateOnly? On, string? Signer, long CaseId, string Title);

/// <summary>行政复议's 呈报 (受理, 延期, 作出决定) through the Kernel's <see cref="ApprovalService"/>: checks that the step may
/// be submitted now, and keeps the module's endpoints and their shape.</summary>
public sealed class ReconApprovalService(ApprovalService approvals, ReconCaseService cases, FazhiDb db, Kernel.Messages.IMessages messages)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<Approval> SubmitAsync(long caseId, SubmitRequest r, CancellationToken ct)
    {
        if (CaseActions.FromSegment(r.Action) is not IApprovableAction handler)
            throw FazhiValidationException.For("action", $"只有{CaseActions.ApprovableNames}需要呈报审批");
        var a = handler.Action;
        var c = await cases.GetAsync(caseId, ct);
        if (!CaseStateMachine.IsAllowed(c.Status, a))
            throw new ConflictException($"案件当前状态为“{ReconNames.Of(c.Status)}”，不能呈报“{CaseStateMachine.NameOf(a)}”。");
        var approval = await approvals.SubmitAsync(new ApprovalSubmission(ReconApprovalHandler.ModuleCode, ReconApprovals.CaseSubject, caseId, c.OrgUnitId,
            a.ToString(), JsonSerializer.Serialize(r.Request ?? new ActionRequest(), Json), r.Note), ct);
        await messages.SendToHoldersAsync(ReconCaseService.Module, ReconPermissions.ApprovalDecide, c.OrgUnitId, $"待审批：{c.CaseNumber ?? "复议案件"}“{CaseStateMachine.NameOf(a)}”",
            $"{db.Actor.UserName}呈报{CaseStateMachine.NameOf(a)}。{r.Note}", $"/reconsideration/cases/{caseId}", ct);
        return approval;
    }

    /// <summary>呈报签发 (issue 15 §6): a draft document goes to the leader's desk; approval issues it through
    /// <see cref="DocumentService.IssueAsync"/>, so the 文号 is taken then, with that moment's checks.</summary>
    public async Task<Approval> SubmitIssueAsync(long documentId, IssueSubmitRequest r, CancellationToken ct)
    {
        var doc = await db.Set<CaseDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct)
            ?? throw new NotFoundException($"文书（编号{documentId}）不存在或不在您的数据权限范围内。");
        if (doc.Status != DocumentStatus.Draft)
            throw new ConflictException($"《{doc.Title}》{(doc.Status == DocumentStatus.Issued ? $"已签发（{doc.Number}）" : "已作废")}，不能呈报签发。");
        var c = await cases.GetAsync(doc.CaseId, ct);
        if (r.Signer?.Trim().Length > 64)
            throw FazhiValidationException.For("signer", "签发人不超过64字");
        if (await db.Set<Approval>().AnyAsync(a => a.Module == ReconApprovalHandler.ModuleCode && a.SubjectType == ReconApprovals.DocumentSubject &&
                                                   a.SubjectId == documentId && a.Status == ApprovalStatus.Submitted, ct))
            throw new ConflictException($"《{doc.Title}》已有待审批的签发呈报。");
        var parameters = new IssueParameters(r.On, string.IsNullOrWhiteSpace(r.Signer) ? null : r.Signer.Trim(), c.Id, doc.Title);
        var approval = await approvals.SubmitAsync(new ApprovalSubmission(ReconApprovalHandler.ModuleCode, ReconApprovals.DocumentSubject, documentId, c.OrgUnitId,
            ReconApprovals.IssueAction, JsonSerializer.Serialize(parameters, Json), r.Note), ct);
        await messages.SendToHoldersAsync(ReconCaseService.Module, ReconPermissions.ApprovalDecide, c.OrgUnitId, $"待审批：{c.CaseNumber ?? "复议案件"}签发《{doc.Title}》",
            $"{db.Actor.UserName}呈报签发《{doc.Title}》。{r.Note}", "/reconsideration/desk", ct);
        return approval;
    }

    public Task<Approval> ApproveAsync(long id, string? opinion, CancellationToken ct) => approvals.ApproveAsync(id, opinion, ct, ReconApprovalHandler.ModuleCode);

    public Task<Approval> ReturnAsync(long id, string? opinion, CancellationToken ct) => approvals.ReturnAsync(id, opinion, ct, ReconApprovalHandler.ModuleCode);

    public Task<Approval> WithdrawAsync(long id, CancellationToken ct) => approvals.WithdrawAsync(id, ct, ReconApprovalHandler.ModuleCode);

    public async Task<List<ApprovalDto>> ListAsync(long? caseId, bool pendingOnly, CancellationToken ct)
    {
        var list = await approvals.ListAsync(ReconApprovalHandler.ModuleCode, ReconApprovals.CaseSubject, caseId, pendingOnly, ct);
        var ids = list.Select(a => a.SubjectId).Distinct().ToList();
        var numbers = await db.Set<ReconCase>().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CaseNumber, ct);
        return [.. list.Select(a => ToDto(a, numbers.GetValueOrDefault(a.SubjectId)))];
    }

    public static ApprovalDto ToDto(Approval a, string? caseNumber)
    {
        if (a.SubjectType == ReconApprovals.DocumentSubject)
            return new ApprovalDto(a.Id, ReconApprovalHandler.IssueOf(a).CaseId, caseNumber, "issue", "签发", a.Status.ToString(),
                ApprovalNames.Of(a.Status), ReconApprovalHandler.SummaryOf(a), a.Note, a.SubmittedBy, Kernel.ChinaTime.Format(a.SubmittedAtUtc), a.Opinion,
                a.DecidedBy, a.DecidedAtUtc is { } dd ? Kernel.ChinaTime.Format(dd) : null);
        var action = Enum.Parse<CaseAction>(a.ActionCode);
        return new ApprovalDto(a.Id, a.SubjectId, caseNumber, CaseActions.Segment(action), CaseStateMachine.NameOf(action), a.Status.ToString(),
            ApprovalNames.Of(a.Status), ReconApprovalHandler.SummaryOf(a), a.Note, a.SubmittedBy, Kernel.ChinaTime.Format(a.SubmittedAtUtc), a.Opinion,
            a.DecidedBy, a.DecidedAtUtc is { } d ? Kernel.ChinaTime.Format(d) : null);
    }
}

/// <summary>行政复议's side of the Kernel approvals: 局领导 (recon:approval:decide) decide; approval runs the step through
/// the same handler as a direct action, so the state machine and the statute's checks apply at that moment.</summary>
internal sealed class ReconApprovalHandler(ReconCaseService cases, DocumentService documents, FazhiDb db) : IApprovalHandler
{
    public const string ModuleCode = "recon";

    public string Module => ModuleCode;

    public string DecidePermission => ReconPermissions.ApprovalDecide;

    public string ActionName(string actionCode) =>
        actionCode == ReconApprovals.IssueAction ? "签发" : Enum.TryParse<CaseAction>(actionCode, out var a) ? CaseStateMachine.NameOf(a) : actionCode;

    public string Summary(Approval approval) => SummaryOf(approval);

    internal static IssueParameters IssueOf(Approval a) =>
        JsonSerializer.Deserialize<IssueParameters>(a.ParametersJson, ReconApprovalService.Json) ?? new IssueParameters(null, null, 0, "文书");

    internal static string SummaryOf(Approval a)
    {
        if (a.SubjectType == ReconApprovals.DocumentSubject)
        {
            var p = IssueOf(a);
            return $"签发《{p.Title}》" + (p.On is { } on ? $"，签发日期{on:yyyy-MM-dd}" : "") + (p.Signer is null ? "" : $"，签发人{p.Signer}");
        }
        var r = JsonSerializer.Deserialize<ActionRequest>(a.ParametersJson, ReconApprovalService.Json) ?? new ActionRequest();
        return Enum.TryParse<CaseAction>(a.ActionCode, out var action) && CaseActions.Find(action) is IApprovableAction handler ? handler.Summary(r) : a.ActionCode;
    }

    public async Task<IReadOnlyDictionary<long, (string Name, string? Href)>> DescribeAsync(string subjectType, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (subjectType == ReconApprovals.DocumentSubject)
        {
            var docs = await db.Set<CaseDocument>().AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.CaseId, d.Title }).ToListAsync(ct);
            var caseIds = docs.Select(d => d.CaseId).Distinct().ToList();
            var numbers = await db.Set<ReconCase>().AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CaseNumber, ct);
            return docs.Where(d => numbers.ContainsKey(d.CaseId))
                .ToDictionary(d => d.Id, d => ($"《{d.Title}》（行政复议案件 {numbers[d.CaseId]}）", (string?)$"/reconsideration/cases/{d.CaseId}"));
        }
        var found = await db.Set<ReconCase>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.CaseNumber, c.ApplicantName }).ToListAsync(ct);
        return found.ToDictionary(c => c.Id, c => ($"行政复议案件 {c.CaseNumber}（申请人{c.ApplicantName}）", (string?)$"/reconsideration/cases/{c.Id}"));
    }

    public async Task ExecuteAsync(Approval approval, CancellationToken ct)
    {
        if (approval.SubjectType == ReconApprovals.DocumentSubject)
        {
            var p = IssueOf(approval);
            await documents.IssueAsync(approval.SubjectId, new IssueRequest(p.On, p.Signer), ct);
            return;
        }
        var request = JsonSerializer.Deserialize<ActionRequest>(approval.ParametersJson, ReconApprovalService.Json) ?? new ActionRequest();
        await cases.ActAsync(approval.SubjectId, Enum.Parse<CaseAction>(approval.ActionCode), request, ct, approvedBy: db.Actor.UserName);
    }
}
