namespace Fazhi.Web.Kernel;

/// <summary>China Standard Time (UTC+8, no daylight saving). Stored times are UTC; the UI shows Beijing time.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime Now(TimeProvider clock) => clock.GetUtcNow().UtcDateTime + Offset;

    public static DateTime ToChina(DateTime utc) => utc + Offset;

    public static DateTime StartOfTodayUtc(TimeProvider clock) => Now(clock).Date - Offset;

    /// <summary>The UTC instant at which a Beijing calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    public static string Format(DateTime utc) => ToChina(utc).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
