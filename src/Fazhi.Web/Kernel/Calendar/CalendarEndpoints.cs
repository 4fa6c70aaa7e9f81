using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Kernel.Calendar;

public sealed record WorkingDayAnswer(string Date, bool WorkingDay, string? Name);

public sealed record AddDaysAnswer(string From, int Days, string Date);

public sealed record AddNaturalDaysAnswer(string From, int Days, string Date, string PeriodEnd);

public sealed record SaveYearRequest(string? Notice, string? DocumentNumber, DateOnly? Published,
    IReadOnlyList<SaveYearRequest.Period>? Holidays, IReadOnlyList<SaveYearRequest.Workday>? Workdays)
{
    public sealed record Period(string? Name, string? From, string? To);
    public sealed record Workday(string? Date, string? Name);
}

public static class CalendarEndpoints
{
    public const int MaxDays = 3660;

    public static void MapCalendar(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/calendar").WithTags("工作日历");

        g.MapGet("/is-working-day", (string? date, CalendarService calendar) =>
        {
            var d = ParseDate(date, "date");
            var day = calendar.Current.Describe(d);
            return new WorkingDayAnswer(HolidayFile.Iso(d), day.IsWorkingDay, day.Name);
        }).WithSummary("某日是否为工作日（含调休上班日）")
            .RequirePermission(PermissionPolicies.SignedIn);

        g.MapGet("/add-working-days", (string? from, string? days, CalendarService calendar) =>
        {
            var (f, n) = (ParseDate(from, "from"), ParseDays(days));
            return new AddDaysAnswer(HolidayFile.Iso(f), n, HolidayFile.Iso(calendar.Current.AddWorkingDays(f, n)));
        }).WithSummary("自某日次日起计算N个工作日后的日期")
            .RequirePermission(PermissionPolicies.SignedIn);

        g.MapGet("/add-natural-days", (string? from, string? days, CalendarService calendar) =>
        {
            var (f, n) = (ParseDate(from, "from"), ParseDays(days));
            return new AddNaturalDaysAnswer(HolidayFile.Iso(f), n, HolidayFile.Iso(HolidayCalendar.AddNaturalDays(f, n)),
                HolidayFile.Iso(calendar.Current.NaturalPeriodEnd(f, n)));
        }).WithSummary("自某日次日起计算N个自然日后的日期；periodEnd为期间届满日（遇节假日顺延，民事诉讼法第85条）")
            .RequirePermission(PermissionPolicies.SignedIn);

        g.MapGet("/years", (CalendarService calendar) => calendar.Current.Years.OrderBy(y => y.Year).Select(y => new
        {
            y.Year, y.Notice, y.DocumentNumber, Published = y.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Holidays = y.Holidays.Select(h => new { h.Name, From = HolidayFile.Iso(h.From), To = HolidayFile.Iso(h.To) }),
            Workdays = y.Workdays.Select(w => new { Date = HolidayFile.Iso(w.Date), w.Name }),
        })).WithSummary("已录入的年度节假日安排")
            .RequirePermission(PermissionPolicies.SignedIn);

        g.MapPut("/years/{year:int}", async (int year, SaveYearRequest request, CalendarService calendar, FazhiDb db,
            IEnumerable<ICalendarChangeListener> listeners, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, List<string>>();
            var parsed = NoticeText.Parse(year, request.Notice ?? "", request.DocumentNumber, request.Published,
                string.Join('\n', (request.Holidays ?? []).Select(h => $"{h.Name} {h.From} {h.To}")),
                string.Join('\n', (request.Workdays ?? []).Select(w => $"{w.Date} {w.Name}")), errors);
            if (errors.Count > 0)
                throw new FazhiValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
            await calendar.SaveYearAsync(db, parsed, listeners, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.PlatformAdmin).WithSummary("录入或更正某年度的节假日安排（国务院办公厅通知；仅平台管理员）")
            .RequirePermission(SystemPermissions.CalendarEdit);
    }

    private static DateOnly ParseDate(string? value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 1900 and <= 2999
            ? d
            : throw FazhiValidationException.For(field, $"{field} 必须是 YYYY-MM-DD 格式的日期（1900至2999年）");

    private static int ParseDays(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxDays
            ? n
            : throw FazhiValidationException.For("days", $"days 必须是0至{MaxDays}之间的整数");
}
