using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Kernel.Timers;

/// <summary>
/// 期限计时器: one statutory deadline of one record, of any module ("work item with a deadline, modelled once").
/// Rows are written by <see cref="TimerSync"/> from a module's pure deadline rules and worked through by
/// <see cref="TimerJob"/>: a warning some working days before, an expiry the day after the last day.
/// </summary>
public sealed class WorkTimer : IOrgOwned
{
    public long Id { get; set; }

    public int OrgUnitId { get; set; }

    /// <summary>The owning module, e.g. "recon".</summary>
    public required string Module { get; set; }

    /// <summary>The owning record's id within the module.</summary>
    public long OwnerId { get; set; }

    /// <summary>A stable code for the deadline, e.g. "decision".</summary>
    public required string Kind { get; set; }

    /// <summary>What the deadline is, in Chinese, e.g. 作出复议决定.</summary>
    public required string Title { get; set; }

    /// <summary>The last day on which the step is in time.</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>The day the warning is raised (by default 3 working days before <see cref="DueOn"/>).</summary>
    public DateOnly WarnOn { get; set; }

    public TimerState State { get; set; }

    /// <summary>How the date was computed, citing the rule (shown on the record's page).</summary>
    public required string Explanation { get; set; }

    public DateTime? WarnedAtUtc { get; set; }

    public DateTime? ExpiredAtUtc { get; set; }

    /// <summary>How often the job has tried to fire the expiry (successful or not); reset when the deadline moves.</summary>
    public int Attempts { get; set; }

    /// <summary>Why the last attempt failed (the module handler's exception), or null after a success.</summary>
    public string? LastError { get; set; }

    /// <summary>After a failure: the job leaves the row alone until then (1, 2, 4 … minutes, capped at
    /// <see cref="TimerJob.MaxBackoff"/>).</summary>
    public DateTime? NextAttemptAtUtc { get; set; }
}

public enum TimerState
{
    /// <summary>计时中</summary>
    Running,
    /// <summary>已预警</summary>
    Warned,
    /// <summary>已超期</summary>
    Expired,
    /// <summary>暂停计时（中止、补正）</summary>
    Paused,
    /// <summary>已完成</summary>
    Done,
    /// <summary>已取消</summary>
    Cancelled,
}

public static class TimerStates
{
    public static string ChineseName(this TimerState state) => state switch
    {
        TimerState.Running => "计时中",
        TimerState.Warned => "即将到期",
        TimerState.Expired => "已超期",
        TimerState.Paused => "暂停计时",
        TimerState.Done => "已完成",
        TimerState.Cancelled => "已取消",
        _ => state.ToString(),
    };

    public static bool IsOpen(this TimerState state) => state is TimerState.Running or TimerState.Warned or TimerState.Expired or TimerState.Paused;
}

/// <summary>A deadline as a module's rules compute it, before it becomes a timer row.</summary>
public sealed record DeadlineSpec(string Kind, string Title, DateOnly DueOn, DeadlineStatus Status, string Explanation);

public enum DeadlineStatus { Open, Paused, Completed }

/// <summary>Module hook called when a timer of that module expires (e.g. 视为受理 when the review period runs out).</summary>
public interface ITimerExpiryHandler
{
    string Module { get; }

    Task OnExpiredAsync(WorkTimer timer, CancellationToken ct);
}
