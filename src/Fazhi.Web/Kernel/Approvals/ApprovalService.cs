using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Modules;
using Fazhi.Web.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Approvals;

/// <summary>One approval as the 待审批 list and the API show it.</summary>
public sealed record ApprovalRow(long Id, string Module, string ModuleName, string SubjectType, long SubjectId, string Subject, string? SubjectHref,
    string Action, string ActionName, string Summary, string Status, string StatusName, string? Note, string SubmittedBy, string SubmittedAt,
    string? Opinion, string? DecidedBy, string? DecidedAt);

/// <summary>A new 呈报, as a module hands it over after checking that the action may be submitted now.</summary>
public sealed record ApprovalSubmission(string Module, string SubjectType, long SubjectId, int OrgUnitId, string ActionCode, string ParametersJson, string? Note);

public sealed record ApprovalOpinion(string? Opinion);

/// <summary>
/// 呈报 → 审批 → 批示, with 退回 and 撤回, for every module. Approval runs the submitted action through the module's
/// <see cref="IApprovalHandler"/> in the same transaction, so the module's checks apply at the moment of approval and a
/// refused action leaves the approval pending. The submitter never decides their own 呈报.
/// </summary>
public sealed class ApprovalService(FazhiDb db, IEnumerable<IApprovalHandler> handlers, IEnumerable<ModuleManifest> manifests)
{
    public IApprovalHandler HandlerOf(string module) => handlers.FirstOrDefault(h => h.Module == module)
        ?? throw new InvalidOperationException($"No approval handler is registered for module '{module}'.");

    /// <summary>Whether the current user may decide this module's 呈报 (ignoring whose it is).</summary>
    public bool CanDecide(string module) => db.Actor.Can(HandlerOf(module).DecidePermission);

    public async Task<Approval> SubmitAsync(ApprovalSubmission s, CancellationToken ct)
    {
        var handler = HandlerOf(s.Module);
        if (s.Note?.Length > 1000)
            throw FazhiValidationException.For("note", "呈报意见不能超过1000字");
        if (s.ParametersJson.Length > 4000)
            throw FazhiValidationException.For("request", "呈报内容过长（不能超过4000字）");
        if (await db.Set<Approval>().AnyAsync(x => x.Module == s.Module && x.SubjectType == s.SubjectType && x.SubjectId == s.SubjectId &&
                                                   x.ActionCode == s.ActionCode && x.Status == ApprovalStatus.Submitted, ct))
            throw new ConflictException($"已有待审批的“{handler.ActionName(s.ActionCode)}”呈报。");
        var approval = new Approval
        {
            Module = s.Module, SubjectType = s.SubjectType, SubjectId = s.SubjectId, OrgUnitId = s.OrgUnitId, ActionCode = s.ActionCode,
            ParametersJson = s.ParametersJson, Note = string.IsNullOrWhiteSpace(s.Note) ? null : s.Note.Trim(), Status = ApprovalStatus.Submitted,
            SubmittedBy = db.Actor.UserName, SubmittedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Set<Approval>().Add(approval);
        await db.SaveChangesAsync(ct);
        return approval;
    }

    /// <summary>批准: records the 批示 (同意 if none) and carries out the action, both or neither.</summary>
    public async Task<Approval> ApproveAsync(long id, string? opinion, CancellationToken ct, string? module = null)
    {
        var approval = await PendingAsync(id, module, ct);
        var handler = EnsureMayDecide(approval);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Decide(approval, ApprovalStatus.Approved, string.IsNullOrWhiteSpace(opinion) ? "同意" : opinion.Trim());
        await handler.ExecuteAsync(approval, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return approval;
    }

    /// <summary>退回, with the reason.</summary>
    public async Task<Approval> ReturnAsync(long id, string? opinion, CancellationToken ct, string? module = null)
    {
        var approval = await PendingAsync(id, module, ct);
        EnsureMayDecide(approval);
        if (string.IsNullOrWhiteSpace(opinion))
            throw FazhiValidationException.For("opinion", "退回请写明理由");
        if (opinion.Length > 1000)
            throw FazhiValidationException.For("opinion", "意见不能超过1000字");
        Decide(approval, ApprovalStatus.Returned, opinion.Trim());
        await db.SaveChangesAsync(ct);
        return approval;
    }

    /// <summary>撤回, by the submitter only.</summary>
    public async Task<Approval> WithdrawAsync(long id, CancellationToken ct, string? module = null)
    {
        var approval = await PendingAsync(id, module, ct);
        if (approval.SubmittedBy != db.Actor.UserName)
            throw new ConflictException("只有呈报人可以撤回。");
        Decide(approval, ApprovalStatus.Withdrawn, null);
        await db.SaveChangesAsync(ct);
        return approval;
    }

    /// <summary>A module's approvals (of one subject, or only the pending ones), newest first, within the caller's scope.</summary>
    public Task<List<Approval>> ListAsync(string module, string? subjectType, long? subjectId, bool pendingOnly, CancellationToken ct)
    {
        var q = db.Set<Approval>().AsNoTracking().Where(a => a.Module == module);
        if (subjectType is not null) q = q.Where(a => a.SubjectType == subjectType);
        if (subjectId is { } sid) q = q.Where(a => a.SubjectId == sid);
        if (pendingOnly) q = q.Where(a => a.Status == ApprovalStatus.Submitted);
        return q.OrderByDescending(a => a.Id).Take(500).ToListAsync(ct);
    }

    /// <summary>待审批: the pending 呈报 the current user may decide — of modules whose decide permission they hold,
    /// within their data scope, not their own — oldest first.</summary>
    public async Task<List<ApprovalRow>> PendingForMeAsync(CancellationToken ct)
    {
        var modules = handlers.Where(h => db.Actor.Can(h.DecidePermission)).Select(h => h.Module).ToList();
        if (modules.Count == 0)
            return [];
        var me = db.Actor.UserName;
        var list = await db.Set<Approval>().AsNoTracking()
            .Where(a => a.Status == ApprovalStatus.Submitted && modules.Contains(a.Module) && a.SubmittedBy != me)
            .OrderBy(a => a.Id).Take(500).ToListAsync(ct);
        return await ToRowsAsync(list, ct);
    }

    public async Task<List<ApprovalRow>> ToRowsAsync(IReadOnlyList<Approval> list, CancellationToken ct)
    {
        var names = new Dictionary<(string, string, long), (string Name, string? Href)>();
        foreach (var g in list.GroupBy(a => (a.Module, a.SubjectType)))
        {
            var described = await HandlerOf(g.Key.Module).DescribeAsync(g.Key.SubjectType, [.. g.Select(a => a.SubjectId).Distinct()], ct);
            foreach (var (sid, name) in described)
                names[(g.Key.Module, g.Key.SubjectType, sid)] = name;
        }
        return [.. list.Select(a => ToRow(a, names.GetValueOrDefault((a.Module, a.SubjectType, a.SubjectId))))];
    }

    private ApprovalRow ToRow(Approval a, (string Name, string? Href) subject)
    {
        var handler = HandlerOf(a.Module);
        return new ApprovalRow(a.Id, a.Module, manifests.FirstOrDefault(m => m.Code == a.Module)?.Name ?? a.Module, a.SubjectType, a.SubjectId,
            subject.Name ?? $"{a.SubjectType} {a.SubjectId}", subject.Href, a.ActionCode, handler.ActionName(a.ActionCode), handler.Summary(a),
            a.Status.ToString(), ApprovalNames.Of(a.Status), a.Note, a.SubmittedBy, ChinaTime.Format(a.SubmittedAtUtc), a.Opinion, a.DecidedBy,
            a.DecidedAtUtc is { } d ? ChinaTime.Format(d) : null);
    }

    private IApprovalHandler EnsureMayDecide(Approval approval)
    {
        var handler = HandlerOf(approval.Module);
        if (!db.Actor.Can(handler.DecidePermission))
            throw new ForbiddenException("您没有审批该事项的权限。");
        if (approval.SubmittedBy == db.Actor.UserName)
            throw new ConflictException("不能审批本人的呈报。");
        return handler;
    }

    private async Task<Approval> PendingAsync(long id, string? module, CancellationToken ct)
    {
        var approval = await db.Set<Approval>().FirstOrDefaultAsync(a => a.Id == id && (module == null || a.Module == module), ct)
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
