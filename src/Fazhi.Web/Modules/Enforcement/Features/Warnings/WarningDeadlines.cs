using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features.Warnings;

/// <summary>
/// A changed holiday schedule moves the warnings' working-day deadlines (反馈, 整改). Warnings come by the thousand
/// from one batch, so their deadline is a column, not a timer row (ADR 0005), and it is recomputed set-based: one
/// <c>UPDATE</c> per (step, start day) whose deadline moved — a handful after a holiday moves, never one per warning.
/// Runs inside the calendar change's transaction (which holds the audit chain's lock); the audited fact is the
/// calendar year that changed, from which these dates derive.
/// </summary>
internal sealed class WarningCalendarListener(FazhiDb db, WarningEngine engine) : ICalendarChangeListener
{
    public async Task OnCalendarChangedAsync(IReadOnlyList<int> changedYears, CancellationToken ct)
    {
        var warnings = db.EnforcementWarnings().ForSystemJob(); // every department's, whoever enters the notice
        // Rows stored before StepStartedOn existed: the issued step counts from the day raised, a rectification never
        // sent back from the feedback day. (A sent-back one's start is not known; its date stays as it was.)
        await warnings.Where(w => w.StepStartedOn == null && w.Status == WarningStatus.Issued)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.StepStartedOn, w => w.RaisedOn), ct);
        await warnings.Where(w => w.StepStartedOn == null && w.FeedbackOn != null && w.CloseNote == null &&
                                  (w.Status == WarningStatus.Rectifying || w.Status == WarningStatus.Rectified))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.StepStartedOn, w => w.FeedbackOn), ct);

        var groups = await warnings.Where(w => w.Status != WarningStatus.Closed && w.StepStartedOn != null)
            .Select(w => new { w.Status, From = w.StepStartedOn!.Value, w.DueOn }).Distinct().ToListAsync(ct);
        foreach (var g in groups)
        {
            var due = g.Status == WarningStatus.Issued ? engine.FeedbackDue(g.From) : engine.RectificationDue(g.From);
            if (due == g.DueOn)
                continue;
            await warnings.Where(w => w.Status == g.Status && w.StepStartedOn == g.From && w.DueOn == g.DueOn)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.DueOn, due), ct);
        }
    }
}
