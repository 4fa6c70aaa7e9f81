using System.Globalization;
using System.Text.RegularExpressions;

namespace Fazhi.Web.Kernel.Sheets;

/// <summary>
/// Dates as bureaus' 台账 write them: a date cell, an Excel serial number (45356 = 2024-03-05), 2024-03-05, 2024/3/5,
/// 2024.3.5 or 2024年3月5日. Anything else — or a date that does not exist (2024/2/30), or one outside 2000–2100 —
/// is refused with the reason.
/// </summary>
public static partial class SheetDates
{
    [GeneratedRegex(@"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")]
    private static partial Regex Written();

    public static bool TryParse(object? cell, out DateOnly date, out string? error)
    {
        date = default;
        error = null;
        switch (cell)
        {
            case null:
                return false;
            case DateTime dt:
                date = DateOnly.FromDateTime(dt);
                break;
            case double or float or decimal or int or long:
                var serial = Convert.ToDouble(cell, CultureInfo.InvariantCulture);
                if (serial != Math.Floor(serial) || serial < 36526 || serial > 73415) // 2000-01-01 … 2100-12-31
                {
                    error = $"“{serial.ToString(CultureInfo.InvariantCulture)}”不是2000至2100年之间的日期";
                    return false;
                }
                date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return true;
            default:
                var text = Convert.ToString(cell, CultureInfo.InvariantCulture)?.Trim() ?? "";
                if (text.Length == 0)
                    return false;
                if (double.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                    return TryParse(number, out date, out error);
                var m = Written().Match(text);
                if (!m.Success)
                {
                    error = $"“{text}”不是日期（可写作2024-03-05、2024/3/5或2024年3月5日）";
                    return false;
                }
                int y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                    d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
                if (y is < 2000 or > 2100)
                {
                    error = $"“{text}”不在2000至2100年之间";
                    return false;
                }
                if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
                {
                    error = $"“{text}”这一天不存在";
                    return false;
                }
                date = new DateOnly(y, mo, d);
                break;
        }
        if (date.Year is < 2000 or > 2100)
        {
            error = $"{date:yyyy-MM-dd}不在2000至2100年之间";
            return false;
        }
        return true;
    }
}
