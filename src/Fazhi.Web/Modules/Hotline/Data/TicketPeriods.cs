using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Modules.Hotline.Domain;
using Fazhi.Web.Modules.Hotline.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Hotline.Data;

/// <summary>
/// The tickets received in a period (<c>received_at_utc</c> in [from, to)), read so that PostgreSQL prunes the monthly
/// partitions of <c>hl_tickets</c> (ADR 0011). A ticket's id carries the China month it was first received
/// (<see cref="HotlineTicket.FirstIdOf"/>), so a ticket received in the period lies in the id range of the period's months —
/// unless the centre re-sent it with its 受理时间 corrected into another month (the id stays). The period is therefore
/// read as two disjoint parts, <c>UNION ALL</c>: the id range of its months (only those partitions are scanned), and the
/// tickets outside that range whose id month is not their receipt month, through the small partial index
/// <c>IX_hl_tickets_received_drift</c> (migration <c>HotlineReceivedDrift</c>) whose predicate is <see cref="DriftedSql"/>.
/// The rows are exactly those of the plain <c>received_at_utc</c> bounds. SQLite (one table) reads the plain bounds.
/// </summary>
public static class TicketPeriods
{
    /// <summary>A ticket whose id month (yyyyMM) is not its receipt month in China time (UTC+8, <see cref="ChinaTime.Offset"/>):
    /// the predicate of the partial index <c>IX_hl_tickets_received_drift</c>, word for word, so that the planner uses it.</summary>
    public const string DriftedSql =
        "id / 10000000000 <> date_part('year', received_at_utc AT TIME ZONE INTERVAL '+08:00') * 100 + date_part('month', received_at_utc AT TIME ZONE INTERVAL '+08:00')";

    /// <summary>The tickets received from <paramref name="fromUtc"/> (inclusive) to <paramref name="toUtc"/> (exclusive);
    /// an open bound is null. Not tracked.</summary>
    public static IQueryable<HotlineTicket> Received(FazhiDb db, DateTime? fromUtc, DateTime? toUtc)
    {
        var all = Bounded(db.HotlineTickets().AsNoTracking(), fromUtc, toUtc);
        if ((fromUtc is null && toUtc is null) || !TicketStore.IsPostgres(db))
            return all;
        // The id range of the period's China months; constants, so that the plan itself names the partitions it reads.
        var lo = fromUtc is { } f ? HotlineTicket.FirstIdOf(MonthOf(f)) : long.MinValue;
        var hi = toUtc is { } t ? HotlineTicket.FirstIdOf(TicketPartitions.NextMonth(MonthOf(t.AddTicks(-1)))) : long.MaxValue;
        var inRange = all.Where(x => x.Id >= EF.Constant(lo) && x.Id < EF.Constant(hi));
        var drifted = Bounded(db.HotlineTickets().FromSqlRaw("SELECT * FROM hl_tickets WHERE " + DriftedSql).AsNoTracking(), fromUtc, toUtc)
            .Where(x => x.Id < EF.Constant(lo) || x.Id >= EF.Constant(hi));
        return inRange.Concat(drifted);
    }

    private static int MonthOf(DateTime utc)
    {
        var china = ChinaTime.ToChina(utc);
        return china.Year * 100 + china.Month;
    }

    private static IQueryable<HotlineTicket> Bounded(IQueryable<HotlineTicket> q, DateTime? fromUtc, DateTime? toUtc)
    {
        if (fromUtc is { } a)
            q = q.Where(t => t.ReceivedAtUtc >= a);
        if (toUtc is { } b)
            q = q.Where(t => t.ReceivedAtUtc < b);
        return q;
    }
}
