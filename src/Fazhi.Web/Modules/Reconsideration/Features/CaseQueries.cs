using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Security;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Reconsideration.Data;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Features;

/// <summary>工作队列: 我的案件, 未分配, 待审批, 即将到期 (by the one deadline rule; or within <see cref="DueWithinDays"/> days when given), 已超期, or all.</summary>
public sealed record CaseFilter(string? Queue = null, string? Q = null, string? Status = null, int? DueWithinDays = null,
    string? Sort = null, int Page = 1, int PageSize = 20);

public sealed record CaseRow(long Id, string CaseNumber, string ApplicantName, string? ApplicantIdMasked, string RespondentName,
    string Matter, string ReceivedOn, string Status, string StatusName, string? Procedure, string? AssigneeUserName,
    string? NextDeadline, string? NextDeadlineTitle, int? DaysLeft, string? ClosedOn, string? NextDeadlineState = null);

public sealed class CaseQueries(FazhiDb db, DeadlinePolicy deadlines)
{
    public const int MaxExport = 50_000;

    private IQueryable<ReconCase> Filtered(CaseFilter f, DateOnly today)
    {
        var q = db.ReconCases().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var k = f.Q.Trim();
            // A full 身份证号 or phone number finds the case by its blind index (the columns hold only ciphertext).
            var index = db.Fields.IndexOf(k);
            q = q.Where(c => c.CaseNumber.Contains(k) || c.ApplicantName.Contains(k) || c.RespondentName.Contains(k) || c.Matter.Contains(k)
                || EF.Property<string>(c, nameof(ReconCase.ApplicantIdNumber) + EncryptedAttribute.IndexSuffix) == index
                || EF.Property<string>(c, nameof(ReconCase.ApplicantPhone) + EncryptedAttribute.IndexSuffix) == index);
        }
        if (ReconNames.Parse<CaseStatus>(f.Status, ReconNames.Of) is { } status)
            q = q.Where(c => c.Status == status);
        var timers = db.WorkTimers.Where(t => t.Module == ReconCaseService.Module);
        var dueLimit = f.DueWithinDays is { } days ? today.AddDays(days) : deadlines.DueSoonHorizon(today);
        q = f.Queue switch
        {
            "mine" => q.Where(c => c.AssigneeUserName == db.Actor.UserName),
            "unassigned" => q.Where(CaseStateMachine.OpenCase).Where(c => c.AssigneeUserName == null),
            "due" => q.Where(c => timers.Any(t => t.OwnerId == c.Id && (t.State == TimerState.Running || t.State == TimerState.Warned) && t.DueOn >= today && t.DueOn <= dueLimit)),
            "overdue" => q.Where(c => timers.Any(t => t.OwnerId == c.Id && (t.State == TimerState.Running || t.State == TimerState.Warned || t.State == TimerState.Expired) && t.DueOn < today)),
            "open" => q.Where(CaseStateMachine.OpenCase),
            "approval" => q.Where(c => db.Set<Kernel.Approvals.Approval>().Any(a => a.Module == ReconApprovalHandler.ModuleCode &&
                a.SubjectType == ReconApprovals.CaseSubject && a.SubjectId == c.Id && a.Status == Kernel.Approvals.ApprovalStatus.Submitted)),
            _ => q,
        };
        return q;
    }

    public async Task<Page<CaseRow>> SearchAsync(CaseFilter f, DateOnly today, CancellationToken ct)
    {
        var q = Filtered(f, today);
        var total = await q.CountAsync(ct);
        var paging = Paging.Of(f.Page, f.PageSize);
        var rows = await Rows(Sorted(q, f.Sort).Skip(paging.Skip).Take(paging.Size), today, ct);
        return new Page<CaseRow>(rows, total, paging.Number, paging.Size);
    }

    public async Task<List<CaseRow>> ExportAsync(CaseFilter f, DateOnly today, CancellationToken ct) =>
        await Rows(Sorted(Filtered(f, today), f.Sort).Take(MaxExport), today, ct);

    private static IQueryable<ReconCase> Sorted(IQueryable<ReconCase> q, string? sort) => sort switch
    {
        "received" => q.OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.Id),
        "number" => q.OrderBy(c => c.Year).ThenBy(c => c.CaseNumber),
        "applicant" => q.OrderBy(c => c.ApplicantName).ThenBy(c => c.Id),
        _ => q.OrderByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id),
    };

    private async Task<List<CaseRow>> Rows(IQueryable<ReconCase> q, DateOnly today, CancellationToken ct)
    {
        var cases = await q.Select(c => new
        {
            c.Id, c.CaseNumber, c.ApplicantName, c.ApplicantIdNumber, c.RespondentName, c.Matter, c.ReceivedOn, c.Status, c.Procedure,
            c.AssigneeUserName, c.ClosedOn,
        }).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var next = (await db.WorkTimers.AsNoTracking()
                .Where(t => t.Module == ReconCaseService.Module && ids.Contains(t.OwnerId) && (t.State == TimerState.Running || t.State == TimerState.Warned || t.State == TimerState.Expired))
                .Select(t => new { t.OwnerId, t.DueOn, t.Title }).ToListAsync(ct))
            .GroupBy(t => t.OwnerId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.DueOn).First());
        return [.. cases.Select(c =>
        {
            var n = next.GetValueOrDefault(c.Id);
            return new CaseRow(c.Id, c.CaseNumber, c.ApplicantName, PersonalData.MaskIdNumber(c.ApplicantIdNumber), c.RespondentName, c.Matter,
                Iso(c.ReceivedOn), c.Status.ToString(), ReconNames.Of(c.Status), c.Procedure is { } p ? ReconNames.Of(p) : null, c.AssigneeUserName,
                n is null ? null : Iso(n.DueOn), n?.Title, n is null ? null : n.DueOn.DayNumber - today.DayNumber, c.ClosedOn is { } d ? Iso(d) : null,
                n is null ? null : deadlines.StateOf(n.DueOn, today).ChineseName());
        })];
    }

    private static string Iso(DateOnly d) => Kernel.Calendar.HolidayFile.Iso(d);

    public static async Task<byte[]> ToXlsxAsync(IEnumerable<CaseRow> rows, CancellationToken ct)
    {
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["案号"] = r.CaseNumber, ["申请人"] = r.ApplicantName, ["证件号码"] = r.ApplicantIdMasked, ["被申请人"] = r.RespondentName,
            ["申请事项"] = r.Matter, ["收到日期"] = r.ReceivedOn, ["状态"] = r.StatusName, ["程序"] = r.Procedure, ["承办人"] = r.AssigneeUserName,
            ["最近期限"] = r.NextDeadline, ["期限事项"] = r.NextDeadlineTitle, ["剩余天数"] = r.DaysLeft, ["结案日期"] = r.ClosedOn,
        });
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, sheet, sheetName: "行政复议案件", cancellationToken: ct);
        return stream.ToArray();
    }
}
