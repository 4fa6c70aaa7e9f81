using System.Globalization;
using System.Text.Json;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Approvals;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Data;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features.Actions;
using Fazhi.Web.Modules.Reconsideration.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Features.Desk;

/// <summary>One 呈报 on the leader's desk: the case as a leader needs it to decide, and the deadline the step runs against.</summary>
public sealed record DeskRow(long Id, long CaseId, string CaseNumber, string Applicant, string Respondent, string Action, string ActionName, string Summary,
    string? Note, string SubmittedBy, string SubmittedAt, string? Assignee, string? DeadlineTitle, string? Due, int? DaysLeft, string Status, string StatusName,
    string? Opinion, string? DecidedBy, string? DecidedAt);

public sealed record DeskView(IReadOnlyList<DeskRow> Pending, IReadOnlyList<DeskRow> DecidedByMe);

/// <summary>
/// 审批台 of 行政复议 (issue 15 §6): the 受理、延期、决定 呈报 (ADR 0007) waiting for the signed-in leader — those the Kernel's
/// 待审批 shows them (decide permission, data scope, not their own) — with the case and the deadline each step runs
/// against, what they decided lately, and the 呈批表 of any 呈报 as an A4 .docx filled from the case and the approval.
/// Approve and return go through <see cref="ReconApprovalService"/> (the same checks as everywhere).
/// </summary>
public sealed class DeskService(FazhiDb db, ApprovalService approvals, ReconCaseService cases, DocumentService documents)
{
    public async Task<DeskView> ViewAsync(CancellationToken ct)
    {
        var pending = (await approvals.PendingForMeAsync(ct)).Where(r => r.Module == ReconApprovalHandler.ModuleCode).Select(r => r.Id).ToList();
        var pendingRows = await db.Set<Approval>().AsNoTracking().Where(a => pending.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(ct);
        var me = db.Actor.UserName;
        var decided = await db.Set<Approval>().AsNoTracking()
            .Where(a => a.Module == ReconApprovalHandler.ModuleCode && a.DecidedBy == me && (a.Status == ApprovalStatus.Approved || a.Status == ApprovalStatus.Returned))
            .OrderByDescending(a => a.DecidedAtUtc).Take(20).ToListAsync(ct);
        return new DeskView(await RowsAsync(pendingRows, ct), await RowsAsync(decided, ct));
    }

    /// <summary>How many 呈报 wait for the current user (the home page's count).</summary>
    public Task<int> PendingCountAsync(CancellationToken ct)
    {
        var me = db.Actor.UserName;
        return db.Set<Approval>().CountAsync(a => a.Module == ReconApprovalHandler.ModuleCode && a.Status == ApprovalStatus.Submitted && a.SubmittedBy != me, ct);
    }

    private async Task<List<DeskRow>> RowsAsync(IReadOnlyList<Approval> list, CancellationToken ct)
    {
        var ids = list.Select(CaseIdOf).Distinct().ToList();
        var found = await db.ReconCases().AsNoTracking().Include(c => c.Suspensions).Include(c => c.Events).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var byId = found.ToDictionary(c => c.Id);
        var rows = new List<DeskRow>();
        foreach (var a in list)
        {
            if (!byId.TryGetValue(CaseIdOf(a), out var c))
                continue;
            if (a.SubjectType == ReconApprovals.DocumentSubject)
            {
                rows.Add(new DeskRow(a.Id, c.Id, c.CaseNumber, c.ApplicantName, c.RespondentName, "issue", "签发", ReconApprovalHandler.SummaryOf(a), a.Note,
                    a.SubmittedBy, ChinaTime.Format(a.SubmittedAtUtc), c.AssigneeUserName, null, null, null, a.Status.ToString(), ApprovalNames.Of(a.Status),
                    a.Opinion, a.DecidedBy, a.DecidedAtUtc is { } dd ? ChinaTime.Format(dd) : null));
                continue;
            }
            var action = Enum.Parse<CaseAction>(a.ActionCode);
            var deadline = a.Status == ApprovalStatus.Submitted ? DeadlineOf(c, action) : null;
            rows.Add(new DeskRow(a.Id, c.Id, c.CaseNumber, c.ApplicantName, c.RespondentName, CaseActions.Segment(action), CaseStateMachine.NameOf(action),
                ReconApprovalHandler.SummaryOf(a), a.Note, a.SubmittedBy, ChinaTime.Format(a.SubmittedAtUtc), c.AssigneeUserName, deadline?.Title,
                deadline is null ? null : HolidayFile.Iso(deadline.DueOn), deadline is null ? null : deadline.DueOn.DayNumber - cases.Today.DayNumber,
                a.Status.ToString(), ApprovalNames.Of(a.Status), a.Opinion, a.DecidedBy, a.DecidedAtUtc is { } d ? ChinaTime.Format(d) : null));
        }
        return rows;
    }

    /// <summary>The case a 呈报 concerns: its subject, or for a 签发 呈报 the document's case.</summary>
    private static long CaseIdOf(Approval a) => a.SubjectType == ReconApprovals.DocumentSubject ? ReconApprovalHandler.IssueOf(a).CaseId : a.SubjectId;

    /// <summary>受理 runs against the 审查期限 (第三十条), 延期 and 决定 against the 决定期限 (第六十二条).</summary>
    private DeadlineSpec? DeadlineOf(ReconCase c, CaseAction action)
    {
        var kind = action == CaseAction.Accept ? ReconDeadlines.Review : ReconDeadlines.Decision;
        return cases.Deadlines(c).FirstOrDefault(d => d.Kind == kind && d.Status != DeadlineStatus.Completed);
    }

    /// <summary>
    /// 呈批表 (行政复议案件审批表) of one 呈报, on the Kernel's A4 writer: the case, the parties, the contested act, the
    /// step proposed and why (the 承办人's 呈报意见, name and date), the 复议机构负责人's 批示 (the approval's opinion, name and
    /// date; blank lines while pending) and, for a decision, the 复议机关负责人's agreement or the collective discussion
    /// as submitted (第六十一条); a blank for signature otherwise.
    /// </summary>
    public async Task<(byte[] Content, string FileName)> FormAsync(long approvalId, CancellationToken ct)
    {
        var a = await db.Set<Approval>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == approvalId && x.Module == ReconApprovalHandler.ModuleCode, ct)
            ?? throw new NotFoundException($"呈报（编号{approvalId}）不存在或不在您的数据权限范围内。");
        var c = await cases.GetAsync(CaseIdOf(a), ct);
        var isIssue = a.SubjectType == ReconApprovals.DocumentSubject;
        var action = isIssue ? (CaseAction?)null : Enum.Parse<CaseAction>(a.ActionCode);
        var request = isIssue ? new ActionRequest() : JsonSerializer.Deserialize<ActionRequest>(a.ParametersJson, ReconApprovalService.Json) ?? new ActionRequest();
        var actionName = action is { } ca ? CaseStateMachine.NameOf(ca) : "签发";
        var names = await DisplayNamesAsync([a.SubmittedBy, a.DecidedBy, c.AssigneeUserName], ct);
        var respondent = await documents.RespondentFullNameAsync(c.RespondentOrgUnitId, ct) ?? c.RespondentName;
        var bureau = (await db.Orgs.GetAsync(c.OrgUnitId, ct)).NameForDocuments;
        var today = cases.Today;
        var deadline = action is { } da ? DeadlineOf(c, da) : null;

        var act = string.Join("", new[] { c.ActAgency is null ? null : c.ActAgency + "作出的", c.ActName, c.ActDocumentNumber is null ? null : $"（{c.ActDocumentNumber}）" }.Where(s => s is not null));
        var lines = new List<string>
        {
            $"收到申请：{Chinese(c.ReceivedOn)}（{ReconNames.Of(c.Channel)}）",
            $"申请人：{c.ApplicantName}（{ReconCaseService.KindName(c.ApplicantKind)}）" + (c.AgentName is null ? "" : $"　代理人：{c.AgentName}"),
            $"被申请人：{respondent}",
            $"被申请复议的行政行为：{(act.Length > 0 ? act : c.Matter)}",
            $"申请事项：{c.Matter}",
            $"案件状态：{ReconNames.Of(c.Status)}" + (c.AcceptedOn is { } acc ? $"　受理日期：{Chinese(acc)}" : "") + (c.Procedure is { } p ? $"（{ReconNames.Of(p)}）" : ""),
            isIssue ? $"呈报事项：{ReconApprovalHandler.SummaryOf(a)}" : $"呈报事项：{actionName}（{ReconApprovalHandler.SummaryOf(a)}）",
        };
        if (deadline is not null)
            lines.Add($"{deadline.Title}：{Chinese(deadline.DueOn)}届满");
        lines.Add($"承办人意见：{a.Note ?? "（未填写）"}");
        lines.Add($"承办人：{Name(names, a.SubmittedBy)}　　{Chinese(Day(a.SubmittedAtUtc))}");
        lines.Add(a.Status switch
        {
            ApprovalStatus.Approved => $"复议机构负责人意见：{a.Opinion}",
            ApprovalStatus.Returned => $"复议机构负责人意见：退回。{a.Opinion}",
            ApprovalStatus.Withdrawn => "复议机构负责人意见：（呈报人已撤回）",
            _ => "复议机构负责人意见：　　　　　　　　　　　　　　",
        });
        lines.Add(a.DecidedBy is null || a.Status == ApprovalStatus.Withdrawn
            ? "签名：　　　　　　　　　　　　年　　月　　日"
            : $"签名：{Name(names, a.DecidedBy)}　　{Chinese(Day(a.DecidedAtUtc!.Value))}");
        if (action == CaseAction.Decide)
        {
            // 第六十一条第一款: the decision is made with the agreement of the 机关's 负责人 or by collective discussion.
            var mode = request.DecisionMode ?? c.DecisionMode;
            var by = request.DecidedBy ?? c.DecidedBy;
            lines.Add(mode is null
                ? "复议机关负责人意见：　　　　　　　　　　　　　　"
                : $"复议机关负责人意见：{mode}" + (by is null ? "" : $"（{by}）"));
            lines.Add(request.On is { } on && mode is not null ? $"日期：{Chinese(on)}" : "签名：　　　　　　　　　　　　年　　月　　日");
        }
        else
        {
            lines.Add("复议机关负责人意见：（本事项由复议机构负责人审批）");
        }

        var content = OfficialDocument.Write(new OfficialDocument.Content("行政复议案件呈批表", c.CaseNumber, null, lines, bureau, Chinese(today)));
        return (content, $"呈批表-{c.CaseNumber}-{actionName}.docx");
    }

    private async Task<Dictionary<string, string>> DisplayNamesAsync(IEnumerable<string?> userNames, CancellationToken ct)
    {
        var wanted = userNames.Where(u => u is not null).Select(u => u!).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, ct);
    }

    private static string Name(Dictionary<string, string> names, string userName) =>
        names.TryGetValue(userName, out var display) && display.Length > 0 && display != userName ? $"{display}（{userName}）" : userName;

    private static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(ChinaTime.ToChina(utc));

    private static string Chinese(DateOnly d) => DocumentService.ChineseDate(d);
}

/// <summary>The home page's count for leaders: 呈报 of 行政复议 waiting for them.</summary>
internal sealed class ReconDeskHomeMetrics(DeskService desk) : IHomeMetricSource
{
    public async Task<IReadOnlyList<HomeMetric>> GetAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct) =>
        principal.Can(ReconPermissions.ApprovalDecide)
            ? [new HomeMetric("待我审批的复议事项", await desk.PendingCountAsync(ct), "/reconsideration/desk", ReconPermissions.ApprovalDecide)]
            : [];
}

internal static class DeskFormat
{
    public static string Days(int? left) => left switch
    {
        null => "",
        < 0 => $"已逾期{-left}日",
        0 => "今日届满",
        _ => $"剩{left.Value.ToString(CultureInfo.InvariantCulture)}日",
    };
}
