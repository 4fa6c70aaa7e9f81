using Fazhi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Calendar;

/// <summary>Modules whose deadlines depend on the calendar implement this to recompute them when a year changes.</summary>
public interface ICalendarChangeListener
{
    Task OnCalendarChangedAsync(IReadOnlyList<int> changedYears, CancellationToken ct);
}

/// <summary>
/// Holds the current <see cref="HolidayCalendar"/> (a singleton, rebuilt when a year is saved). The stored years are
/// the truth; the data file seeds the years that are not stored yet and never overwrites an administrator's entry.
/// </summary>
public sealed class CalendarService
{
    private volatile HolidayCalendar _current = new([]);

    public HolidayCalendar Current => _current;

    public async Task SeedAndLoadAsync(FazhiDb db, CancellationToken ct)
    {
        var stored = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        var missing = HolidayFile.LoadEmbedded().Where(y => !stored.Contains(y.Year)).ToList();
        if (missing.Count > 0)
        {
            db.CalendarYears.AddRange(missing.Select(y => CalendarYear.From(y, "file")));
            await db.SaveChangesAsync(ct);
        }
        await ReloadAsync(db, ct);
    }

    public async Task ReloadAsync(FazhiDb db, CancellationToken ct)
    {
        var years = await db.CalendarYears.AsNoTracking().ToListAsync(ct);
        _current = new HolidayCalendar(years.Select(y => y.ToHolidayYear()));
    }

    /// <summary>
    /// Saves (adds or replaces) one year's notice, reloads, and tells every module to recompute its deadlines — timer
    /// rows and set-based deadline columns alike — all in one transaction under the audit chain's lock: the year and
    /// every deadline derived from it change together or not at all.
    /// </summary>
    public async Task SaveYearAsync(FazhiDb db, HolidayYear year, IEnumerable<ICalendarChangeListener> listeners, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.AcquireWriteLockAsync(ct); // first, as every writer does: the listeners write set-based too
            var existing = await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == year.Year, ct);
            var fresh = CalendarYear.From(year, "admin");
            if (existing is null)
                db.CalendarYears.Add(fresh);
            else
            {
                existing.Notice = fresh.Notice;
                existing.DocumentNumber = fresh.DocumentNumber;
                existing.Published = fresh.Published;
                existing.Source = fresh.Source;
                existing.DaysJson = fresh.DaysJson;
            }
            await db.SaveChangesAsync(ct);
            await ReloadAsync(db, ct);
            foreach (var listener in listeners)
                await listener.OnCalendarChangedAsync([year.Year - 1, year.Year], ct); // a notice may reach back (元旦 from 12-31)
            if (own is not null)
                await own.CommitAsync(ct);
        }
        catch
        {
            if (own is not null)
            {
                await own.RollbackAsync(CancellationToken.None);
                await ReloadAsync(db, CancellationToken.None); // the calendar in memory goes back to what is stored
            }
            throw;
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }
}
