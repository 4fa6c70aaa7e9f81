using System.Text.Json;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Features;

public sealed record ApprovalDto(long Id, long CaseId, string? CaseNumber, string Action, string ActionName, string Status, string StatusName,
    string Summary, string? Note, string SubmittedBy, string SubmittedAt, string? Opinion, string? DecidedBy, string? DecidedAt);

public sealed record SubmitRequest(string? Action, ActionRequest? Request, string? Note);

public sealed record OpinionRequest(string? Opinion);

/// <summary>呈报 → 审批 → 批示, with 退回 and 撤回. Approval runs the submitted action through the same handler as a direct
/// action, so the state machine and the statute's checks apply at the moment of approval.</summary>
public sealed class ApprovalService(FazhiDb db, ReconCaseService cases, Kernel.Messages.IMessages messages)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool CanApprove(ICurrentUser user) => user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Admin);

    public async Task<Approval> SubmitAsync(long caseId, SubmitRequest r, CancellationToken ct)
    {
        var action = string.IsNullOrEmpty(r.Action) ? null : ReconCaseService.ParseAction(r.Action);
        if (action is not { } a || !Approval.IsApprovable(a))
            throw FazhiValidationException.For("action", "只有受理、延期和作出决定需要呈报审批");
        var c = await cases.GetAsync(caseId, ct);
        if (!CaseStateMachine.IsAllowed(c.Status, a))
            throw new ConflictException($"案件当前状态为“{ReconNames.Of(c.Status)}”，不能呈报“{CaseStateMachine.NameOf(a)}”。");
        if (await db.Set<Approval>().AnyAsync(x => x.CaseId == caseId && x.Action == a && x.Status == ApprovalStatus.Submitted, ct))
            throw new ConflictException($"本案已有待审批的“{CaseStateMachine.NameOf(a)}”呈报。");
        if (r.Note?.Length > 1000)
            throw FazhiValidationException.For("note", "呈报意见不能超过1000字");
        var approval = new Approval
        {
            CaseId = caseId, OrgUnitId = c.OrgUnitId, Action = a, Status = ApprovalStatus.Submitted,
            RequestJson = JsonSerializer.Serialize(r.Request ?? new ActionRequest(), Json), Note = r.Note,
            SubmittedBy = db.Actor.UserName, SubmittedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Set<Approval>().Add(approval);
        await db.SaveChangesAsync(ct);
        await messages.SendToHoldersAsync(ReconCaseService.Module, ReconPermissions.ApprovalDecide, c.OrgUnitId, $"待审批：{c.CaseNumber ?? "复议案件"}“{CaseStateMachine.NameOf(a)}”",
            $"{db.Actor.UserName}呈报{CaseStateMachine.NameOf(a)}。{r.Note}", $"/reconsideration/cases/{caseId}", ct);
        return approval;
    }

    public async Task<Approval> ApproveAsync(long id, string? opinion, CancellationToken ct)
    {
        var approval = await PendingAsync(id, ct);
        if (!CanApprove(db.Actor))
            throw new ForbiddenException("只有局领导可以审批。");
        if (approval.SubmittedBy == db.Actor.UserName)
            throw new ConflictException("不能审批本人的呈报。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Decide(approval, ApprovalStatus.Approved, string.IsNullOrWhiteSpace(opinion) ? "同意" : opinion.Trim());
        var request = JsonSerializer.Deserialize<ActionRequest>(approval.RequestJson, Json) ?? new ActionRequest();
        await cases.ActAsync(approval.CaseId, approval.Action, request, ct, approvedBy: db.Actor.UserName);
        await tx.CommitAsync(ct);
        return approval;
    }

    public async Task<Approval> ReturnAsync(long id, string? opinion, CancellationToken ct)
    {
        var approval = await PendingAsync(id, ct);
        if (!CanApprove(db.Actor))
            throw new ForbiddenException("只有局领导可以审批。");
        if (string.IsNullOrWhiteSpace(opinion))
            throw FazhiValidationException.For("opinion", "退回请写明理由");
        Decide(approval, ApprovalStatus.Returned, opinion.Trim());
        await db.SaveChangesAsync(ct);
        return approval;
    }

    public async Task<Approval> WithdrawAsync(long id, CancellationToken ct)
    {
        var approval = await PendingAsync(id, ct);
        if (approval.SubmittedBy != db.Actor.UserName)
            throw new ConflictException("只有呈报人可以撤回。");
        Decide(approval, ApprovalStatus.Withdrawn, null);
        await db.SaveChangesAsync(ct);
        return approval;
    }

    public async Task<List<ApprovalDto>> ListAsync(long? caseId, bool pendingOnly, CancellationToken ct)
    {
        var q = db.Set<Approval>().AsNoTracking();
        if (caseId is { } id) q = q.Where(a => a.CaseId == id);
        if (pendingOnly) q = q.Where(a => a.Status == ApprovalStatus.Submitted);
        var list = await q.OrderByDescending(a => a.Id).Take(500).ToListAsync(ct);
        var ids = list.Select(a => a.CaseId).Distinct().ToList();
        var numbers = await db.Set<ReconCase>().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CaseNumber, ct);
        return [.. list.Select(a => ToDto(a, numbers.GetValueOrDefault(a.CaseId)))];
    }

    public static ApprovalDto ToDto(Approval a, string? caseNumber)
    {
        var r = JsonSerializer.Deserialize<ActionRequest>(a.RequestJson, Json) ?? new ActionRequest();
        var summary = a.Action switch
        {
            CaseAction.Accept => $"{r.On:yyyy-MM-dd}受理，{r.Procedure ?? "普通程序"}",
            CaseAction.Extend => $"延长{r.Days}日，批准人{r.ApprovedBy}",
            _ => $"{r.On:yyyy-MM-dd}作出{r.DecisionType}决定",
        };
        return new ApprovalDto(a.Id, a.CaseId, caseNumber, ReconCaseService.Segment(a.Action), CaseStateMachine.NameOf(a.Action), a.Status.ToString(),
            ApprovalNames.Of(a.Status), summary, a.Note, a.SubmittedBy, ChinaTime.Format(a.SubmittedAtUtc), a.Opinion, a.DecidedBy,
            a.DecidedAtUtc is { } d ? ChinaTime.Format(d) : null);
    }

    private async Task<Approval> PendingAsync(long id, CancellationToken ct)
    {
        var approval = await db.Set<Approval>().FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException($"呈报（编号{id}）不存在或不在您的数据权限范围内。");
        return approval.Status == ApprovalStatus.Submitted ? approval
            : throw new ConflictException($"该呈报{ApprovalNames.Of(approval.Status)}，不能再处理。");
    }

    private void Decide(Approval a, ApprovalStatus status, string? opinion)
    {
        a.Status = status;
        a.Opinion = opinion;
        a.DecidedBy = db.Actor.UserName;
        a.DecidedAtUtc = db.Clock.GetUtcNow().UtcDateTime;
        a.Version++;
    }
}
