using System.Globalization;
using System.Text.RegularExpressions;

namespace Fazhi.Web.Kernel.Calendar;

/// <summary>
/// Parses what an administrator types from a new notice: one rest period per line ("国庆节 2027-10-01 2027-10-07")
/// and one make-up day per line ("2027-09-26 国庆节"). Errors name the line so the form can show them.
/// </summary>
public static partial class NoticeText
{
    [GeneratedRegex(@"^\s*(?<name>[^\s\d][^\s]*)\s+(?<from>\d{4}-\d{1,2}-\d{1,2})\s*(?:(?:至|到|~|－|—|\.\.|\s)\s*(?<to>\d{4}-\d{1,2}-\d{1,2}))?\s*$")]
    private static partial Regex PeriodLine();

    [GeneratedRegex(@"^\s*(?<date>\d{4}-\d{1,2}-\d{1,2})\s+(?<name>\S+)\s*$")]
    private static partial Regex WorkdayLine();

    public static HolidayYear Parse(int year, string notice, string? documentNumber, DateOnly? published,
        string holidaysText, string workdaysText, IDictionary<string, List<string>> errors)
    {
        if (year is < 2000 or > 2100)
            Add(errors, "year", "年度应在2000至2100之间");
        if (string.IsNullOrWhiteSpace(notice) || notice.Length > 200 || notice.Any(c => c is '<' or '>'))
            Add(errors, "notice", "请填写通知名称（不超过200字，不含 < >）");
        var holidays = new List<HolidayPeriod>();
        var workdays = new List<MakeUpWorkday>();
        var lineNo = 0;
        foreach (var raw in Lines(holidaysText))
        {
            lineNo++;
            var m = PeriodLine().Match(raw);
            if (!m.Success || !TryDate(m.Groups["from"].Value, out var from) ||
                !TryDate(m.Groups["to"].Success ? m.Groups["to"].Value : m.Groups["from"].Value, out var to))
            {
                Add(errors, "holidays", $"放假安排第{lineNo}行格式不对，应为“名称 起始日期 结束日期”，如“国庆节 {year}-10-01 {year}-10-07”。");
                continue;
            }
            if (to < from)
                Add(errors, "holidays", $"放假安排第{lineNo}行结束日期早于起始日期。");
            else if (from.Year < year - 1 || to.Year > year || to.DayNumber - from.DayNumber > 15)
                Add(errors, "holidays", $"放假安排第{lineNo}行日期不在{year}年度内或超过16天。");
            else
                holidays.Add(new HolidayPeriod(m.Groups["name"].Value, from, to));
        }
        lineNo = 0;
        foreach (var raw in Lines(workdaysText))
        {
            lineNo++;
            var m = WorkdayLine().Match(raw);
            if (!m.Success || !TryDate(m.Groups["date"].Value, out var date))
            {
                Add(errors, "workdays", $"调休上班第{lineNo}行格式不对，应为“日期 名称”，如“{year}-09-26 国庆节”。");
                continue;
            }
            if (date.Year != year)
                Add(errors, "workdays", $"调休上班第{lineNo}行日期不在{year}年。");
            else if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                Add(errors, "workdays", $"调休上班第{lineNo}行（{HolidayFile.Iso(date)}）不是周六或周日，无需调休。");
            else if (holidays.Any(h => h.From <= date && date <= h.To))
                Add(errors, "workdays", $"调休上班第{lineNo}行（{HolidayFile.Iso(date)}）落在放假期间内。");
            else
                workdays.Add(new MakeUpWorkday(date, m.Groups["name"].Value));
        }
        if (holidays.Count == 0 && !errors.ContainsKey("holidays"))
            Add(errors, "holidays", "请至少录入一个放假安排。");
        return new HolidayYear(year, notice.Trim(), string.IsNullOrWhiteSpace(documentNumber) ? null : documentNumber.Trim(),
            published, null, holidays, workdays);
    }

    public static string FormatHolidays(HolidayYear y) =>
        string.Join('\n', y.Holidays.Select(h => $"{h.Name} {HolidayFile.Iso(h.From)} {HolidayFile.Iso(h.To)}"));

    public static string FormatWorkdays(HolidayYear y) =>
        string.Join('\n', y.Workdays.Select(w => $"{HolidayFile.Iso(w.Date)} {w.Name}"));

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static bool TryDate(string s, out DateOnly d) =>
        DateOnly.TryParseExact(s, ["yyyy-M-d", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out d);

    private static void Add(IDictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
            errors[key] = list = [];
        list.Add(message);
    }
}
