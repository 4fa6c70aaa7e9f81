namespace Fazhi.Web.Kernel.Calendar;

/// <summary>A year's 节假日安排 as stored: seeded from <c>holidays-cn.json</c>, or entered by an administrator.</summary>
public sealed class CalendarYear : Access.IPlatformWide
{
    public int Year { get; set; }

    /// <summary>The notice's title, e.g. 国务院办公厅关于2024年部分节假日安排的通知.</summary>
    public required string Notice { get; set; }

    /// <summary>文号, e.g. 国办发明电〔2023〕7号.</summary>
    public string? DocumentNumber { get; set; }

    public DateOnly? Published { get; set; }

    public string? AmendedBy { get; set; }

    /// <summary>"file" when seeded from the data file in the repository, "admin" when entered on the page.</summary>
    public required string Source { get; set; }

    /// <summary>Rest periods and make-up days as JSON (<see cref="HolidayFile.SerializeDays"/>).</summary>
    public required string DaysJson { get; set; }

    public HolidayYear ToHolidayYear()
    {
        var (holidays, workdays) = HolidayFile.DeserializeDays(DaysJson);
        return new HolidayYear(Year, Notice, DocumentNumber, Published, AmendedBy, holidays, workdays);
    }

    public static CalendarYear From(HolidayYear y, string source) => new()
    {
        Year = y.Year,
        Notice = y.Notice,
        DocumentNumber = y.DocumentNumber,
        Published = y.Published,
        AmendedBy = y.AmendedBy,
        Source = source,
        DaysJson = HolidayFile.SerializeDays(y),
    };
}
