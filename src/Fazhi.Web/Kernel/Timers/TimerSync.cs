using Fazhi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Timers;

/// <summary>Makes a record's timer rows match the deadlines its rules compute now: new ones added, moved ones
/// updated, completed ones closed, vanished ones cancelled. Call it after every change and after a calendar change.</summary>
public sealed class TimerSync(FazhiDb db, DeadlinePolicy policy)
{
    /// <summary>Syncs the timers of one record. When one module keeps timers for two kinds of record under the same
    /// owner ids (a record kind's prefix on every timer kind, e.g. 合法性审查's <c>matter:</c> and <c>document:</c>), pass
    /// the prefix as <paramref name="kindPrefix"/>: only the timers whose kind starts with it are this record's, and the
    /// others are neither matched nor cancelled.</summary>
    public async Task SyncAsync(string module, long ownerId, int orgUnitId, IReadOnlyList<DeadlineSpec> deadlines, CancellationToken ct,
        string kindPrefix = "")
    {
        if (deadlines.FirstOrDefault(d => !d.Kind.StartsWith(kindPrefix, StringComparison.Ordinal)) is { } stray)
            throw new ArgumentException($"Timer kind {stray.Kind} lacks the prefix {kindPrefix}.", nameof(deadlines));
        var existing = (await db.WorkTimers.Where(t => t.Module == module && t.OwnerId == ownerId).ToListAsync(ct))
            .Where(t => t.Kind.StartsWith(kindPrefix, StringComparison.Ordinal)).ToList();
        foreach (var spec in deadlines)
        {
            var timer = existing.FirstOrDefault(t => t.Kind == spec.Kind);
            if (timer is null)
            {
                timer = new WorkTimer { Module = module, OwnerId = ownerId, OrgUnitId = orgUnitId, Kind = spec.Kind, Title = spec.Title, Explanation = "" };
                db.WorkTimers.Add(timer);
            }
            var moved = timer.DueOn != spec.DueOn;
            timer.OrgUnitId = orgUnitId;
            timer.Title = spec.Title;
            timer.DueOn = spec.DueOn;
            timer.WarnOn = policy.WarnOn(spec.DueOn); // the first 即将到期 day, by the one rule
            timer.Explanation = spec.Explanation;
            // Warnings and expiries are the job's to raise (it also runs the module's expiry handler); a deadline that
            // moved starts counting afresh, failed attempts included.
            if (moved)
            {
                timer.Attempts = 0;
                timer.LastError = null;
                timer.NextAttemptAtUtc = null;
            }
            timer.State = spec.Status switch
            {
                DeadlineStatus.Completed => TimerState.Done,
                DeadlineStatus.Paused => TimerState.Paused,
                _ when !moved && timer.State is TimerState.Warned or TimerState.Expired => timer.State,
                _ => TimerState.Running,
            };
        }
        foreach (var gone in existing.Where(t => t.State.IsOpen() && deadlines.All(d => d.Kind != t.Kind)))
            gone.State = TimerState.Cancelled;
    }
}
