using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fazhi.Web.Kernel.Calendar;

/// <summary>Reads and writes the schedule format of <c>holidays-cn.json</c> (also the stored form of a year).</summary>
public static class HolidayFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record FileDto(string? Source, List<YearDto> Years);

    internal sealed record YearDto(
        int Year, string Notice, string? DocumentNumber, string? Published, string? AmendedBy,
        List<PeriodDto> Holidays, List<WorkdayDto> Workdays);

    internal sealed record PeriodDto(string Name, string From, string To);

    internal sealed record WorkdayDto(string Date, string Name);

    /// <summary>The schedules shipped with Fazhi (2020 onwards), embedded in the assembly.</summary>
    public static IReadOnlyList<HolidayYear> LoadEmbedded()
    {
        using var stream = typeof(HolidayFile).Assembly.GetManifestResourceStream("Fazhi.Web.holidays-cn.json")
            ?? throw new InvalidOperationException("holidays-cn.json is not embedded");
        var file = JsonSerializer.Deserialize<FileDto>(stream, Json) ?? throw new InvalidOperationException("empty holidays-cn.json");
        return [.. file.Years.Select(ToYear)];
    }

    public static string SerializeDays(HolidayYear year) => JsonSerializer.Serialize(
        new { holidays = year.Holidays.Select(h => new PeriodDto(h.Name, Iso(h.From), Iso(h.To))), workdays = year.Workdays.Select(w => new WorkdayDto(Iso(w.Date), w.Name)) },
        Json);

    public static (IReadOnlyList<HolidayPeriod> Holidays, IReadOnlyList<MakeUpWorkday> Workdays) DeserializeDays(string json)
    {
        var dto = JsonSerializer.Deserialize<DaysDto>(json, Json) ?? new DaysDto([], []);
        return ([.. dto.Holidays.Select(h => new HolidayPeriod(h.Name, Parse(h.From), Parse(h.To)))],
                [.. dto.Workdays.Select(w => new MakeUpWorkday(Parse(w.Date), w.Name))]);
    }

    private sealed record DaysDto(List<PeriodDto> Holidays, List<WorkdayDto> Workdays);

    private static HolidayYear ToYear(YearDto y) => new(
        y.Year, y.Notice, y.DocumentNumber, y.Published is null ? null : Parse(y.Published), y.AmendedBy,
        [.. y.Holidays.Select(h => new HolidayPeriod(h.Name, Parse(h.From), Parse(h.To)))],
        [.. y.Workdays.Select(w => new MakeUpWorkday(Parse(w.Date), w.Name))]);

    public static string Iso(DateOnly d) => Metrics.Dates.Iso(d);

    private static DateOnly Parse(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
