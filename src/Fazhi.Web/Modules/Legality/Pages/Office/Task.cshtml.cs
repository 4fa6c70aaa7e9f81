using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Modules.Legality.Domain.Office;
using Fazhi.Web.Modules.Legality.Features.Office;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages.Office;

[RequiresPermission(LegalityPermissions.OfficeView)]
public sealed class TaskModel(OfficeService office, OfficeQueries queries, SupervisionNoticeService notices, Kernel.Timers.DeadlinePolicy policy,
    Microsoft.Extensions.Options.IOptions<Rules.OfficeOptions> options, Fazhi.Web.Data.FazhiDb db) : OfficePage
{
    public TaskDto Task { get; private set; } = null!;
    public string Today => Iso(office.Today);
    public List<NoticeDto> Notices { get; private set; } = [];
    public UserNames Names { get; private set; } = UserNames.Empty;
    /// <summary>即将到期 today (the platform's deadline rule), so a 督办通知 may be issued before the task is overdue.</summary>
    public bool DueSoon => policy.StateOf(DateOnly.ParseExact(Task.Row.DueOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), office.Today)
        == Kernel.Timers.DeadlineState.DueSoon;
    public int ReplyDays => options.Value.NoticeReplyWorkingDays;

    public async Task OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct);

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        Task = await queries.TaskDtoAsync(await office.GetTaskAsync(id, ct), ct);
        Notices = await notices.ListAsync(id, ct);
        Names = await UserNames.LoadAsync(db, Task.Entries.Select(e => e.Actor), ct);
    }

    /// <summary>印发督办通知 (.docx, numbered) on an overdue or at-risk task.</summary>
    [RequiresPermission(LegalityPermissions.OfficeManage)]
    public async Task<IActionResult> OnPostNoticeAsync(long id, NoticeRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => notices.IssueAsync(id, request, ct)) is { } n)
        {
            Message = $"已印发督办通知（{n.Number}），牵头单位已收到站内消息。";
            return Redirect($"/legality/office/tasks/{id}");
        }
        await LoadAsync(id, ct);
        return Page();
    }

    [RequiresPermission(LegalityPermissions.OfficeReport)]
    public Task<IActionResult> OnPostReportAsync(long id, TaskEntryRequest request, CancellationToken ct) => EntryAsync(id, PlanTaskEntryKind.Report, request, ct);

    [RequiresPermission(LegalityPermissions.OfficeReport)]
    public Task<IActionResult> OnPostCompleteAsync(long id, TaskEntryRequest request, CancellationToken ct) => EntryAsync(id, PlanTaskEntryKind.Completion, request, ct);

    [RequiresPermission(LegalityPermissions.OfficeManage)]
    public Task<IActionResult> OnPostSuperviseAsync(long id, TaskEntryRequest request, CancellationToken ct) => EntryAsync(id, PlanTaskEntryKind.Supervision, request, ct);

    private async Task<IActionResult> EntryAsync(long id, PlanTaskEntryKind kind, TaskEntryRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => office.TaskEntryAsync(id, kind, request, ct)) is not null)
        {
            Message = kind switch { PlanTaskEntryKind.Supervision => "已督办，督办通知已发送牵头单位。", PlanTaskEntryKind.Completion => "已报告完成。", _ => "已报告进展。" };
            return Redirect($"/legality/office/tasks/{id}");
        }
        await LoadAsync(id, ct);
        return Page();
    }
}
