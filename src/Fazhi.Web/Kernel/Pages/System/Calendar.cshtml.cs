using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Pages.System;

[RequiresPermission(SystemPermissions.CalendarView)]
public sealed class CalendarModel(CalendarService calendars, FazhiDb db, IEnumerable<ICalendarChangeListener> listeners) : FazhiPageModel
{
    public HolidayCalendar Calendar => calendars.Current;
    public IEnumerable<HolidayYear> Years => Calendar.Years.OrderByDescending(y => y.Year);
    public Dictionary<int, string> Sources { get; private set; } = [];
    public HolidayYear? Shown { get; private set; }

    [BindProperty] public int NewYear { get; set; }
    [BindProperty] public string? Notice { get; set; }
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public DateOnly? Published { get; set; }
    [BindProperty] public string? HolidaysText { get; set; }
    [BindProperty] public string? WorkdaysText { get; set; }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        await LoadAsync(ct);
        var known = Calendar.KnownYears;
        var latest = known.Count > 0 ? known[^1] : 0;
        Shown = Calendar.Years.FirstOrDefault(y => y.Year == (year ?? latest));
        NewYear = latest + 1;
    }

    public bool CanEdit => HttpContext.User.IsInRole(Access.Roles.Admin) && HttpContext.User.FindFirst(Access.FazhiClaims.ScopePath)?.Value == "";

    [RequiresPlatformAdmin]

    [RequiresPermission(SystemPermissions.CalendarEdit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
            return Forbid();
        var errors = new Dictionary<string, List<string>>();
        var year = NoticeText.Parse(NewYear, Notice ?? "", DocumentNumber, Published, HolidaysText ?? "", WorkdaysText ?? "", errors);
        if (errors.Count == 0 && await TryAsync(() => calendars.SaveYearAsync(db, year, listeners, ct)))
        {
            Message = $"已保存{NewYear}年节假日安排，相关期限已按新日历重新计算。";
            return RedirectToPage(new { year = NewYear });
        }
        foreach (var (field, messages) in errors)
            foreach (var m in messages)
                ModelState.AddModelError(field, m);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Sources = await db.CalendarYears.AsNoTracking().ToDictionaryAsync(y => y.Year, y => y.Source, ct);
}
