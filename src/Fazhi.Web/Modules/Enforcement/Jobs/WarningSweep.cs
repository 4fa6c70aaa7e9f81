using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Modules.Enforcement.Rules;
using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Enforcement.Jobs;

public sealed record SweepResult(int RecordsChecked, int OfficersChecked, int Raised, int Closed);

/// <summary>
/// The daily pass of the time-based rules: a penalty can become overdue (第六十条), a decision unpublished (公示), a
/// certificate close to or past its expiry, without any new data arriving. Only candidates are read: records that could
/// have crossed a deadline and have no warning of that rule yet, and certificates within the notice window.
/// </summary>
public sealed class WarningSweep(FazhiDb db, WarningEngine engine, IOptions<EnforcementOptions> options)
{
    private const int Chunk = 5_000;

    public async Task<SweepResult> RunAsync(CancellationToken ct)
    {
        var today = engine.Today;
        var o = options.Value;
        var overdueSince = today.AddDays(-o.PenaltyDecisionDays);
        // 7 working days are at least 7 calendar days, so a decision younger than that cannot be late yet. A warning the
        // engine closed after a correction does not stop the record from being checked again.
        var publishSince = today.AddDays(-o.PublicationWorkingDays);
        var overdue = WarningRules.ForRecords.OfType<OverduePenaltyRule>().Single();
        var unpublished = WarningRules.ForRecords.OfType<NotPublishedRule>().Single();
        var warnings = db.EnforcementWarnings().ForSystemJob();
        var records = db.EnforcementRecords().ForSystemJob();

        var candidates = await records
            .Where(r => r.Kind == RecordKind.Penalty && r.DecidedOn == null && r.OpenedOn < overdueSince &&
                        !warnings.Any(w => w.RecordId == r.Id && w.RuleCode == overdue.Code && !(w.Status == WarningStatus.Closed && w.AutoClosed)))
            .Select(r => r.Id).ToListAsync(ct);
        var late = await records
            .Where(r => r.Kind == RecordKind.Penalty && r.DecidedOn != null && r.PublishedOn == null && r.DecidedOn < publishSince &&
                        !warnings.Any(w => w.RecordId == r.Id && w.RuleCode == unpublished.Code && !(w.Status == WarningStatus.Closed && w.AutoClosed)))
            .Select(r => r.Id).ToListAsync(ct);

        int raised = 0, closed = 0;
        foreach (var (ids, rule) in new[] { (candidates, (RecordRule)overdue), (late, unpublished) })
            foreach (var chunk in ids.Chunk(Chunk))
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.AcquireWriteLockAsync(ct);
                var outcome = await engine.EvaluateRecordsAsync(chunk, ct, [rule]);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                raised += outcome.Raised;
                closed += outcome.Closed;
            }

        var horizon = today.AddDays(o.CertificateExpiryNoticeDays);
        var officers = await db.Officers().ForSystemJob().AsNoTracking()
            .Where(x => x.Status == CertificateStatus.Valid && x.ExpiresOn <= horizon).ToListAsync(ct);
        if (officers.Count > 0)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.AcquireWriteLockAsync(ct);
            var outcome = await engine.EvaluateOfficersAsync(officers, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            raised += outcome.Raised;
            closed += outcome.Closed;
        }
        return new SweepResult(candidates.Count + late.Count, officers.Count, raised, closed);
    }
}

/// <summary>Runs <see cref="WarningSweep"/> once after start and then every day at about 01:00 Beijing time.</summary>
public sealed class WarningSweepJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<WarningSweepJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Fazhi:Timers:Enabled", true))
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var result = await scope.ServiceProvider.GetRequiredService<WarningSweep>().RunAsync(stoppingToken);
                if (log.IsEnabled(LogLevel.Information))
                    log.LogInformation("Enforcement sweep: {Result}", result);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Enforcement sweep failed; it runs again tomorrow");
            }
            var now = ChinaTime.Now(clock);
            var next = now.Date.AddDays(1).AddHours(1);
            await Task.Delay(next - now, clock, stoppingToken);
        }
    }
}
