namespace Fazhi.Web.Kernel.Web;

/// <summary>A series of a chart: its name in the legend and its colour.</summary>
public sealed record ChartSeries(string Name, string Colour);

/// <summary>One row of a <see cref="BarChart"/>: this period's values (one per series, stacked) and the same period a
/// year earlier (上年同期).</summary>
public sealed record BarRow(string Label, IReadOnlyList<int> Values, int Previous, string? Href = null)
{
    public int Total => Values.Sum();

    /// <summary>No figure a year earlier (not zero): no 上年同期 bar is drawn, only "—".</summary>
    public bool NoPrevious { get; init; }
}

/// <summary>Horizontal bars, one row per label: this period stacked by series, 上年同期 as a thin pale bar beneath.
/// Drawn as SVG on the server by <c>Shared/_BarChart.cshtml</c>: no script, readable without JavaScript and in print.</summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<ChartSeries> Series, IReadOnlyList<BarRow> Rows, string EmptyText = "本期没有数据")
{
    public const string PreviousColour = "#b3cdee";
    public const int LabelWidth = 190, BarWidth = 300, RowHeight = 40;

    public int Max => Math.Max(1, Rows.Count == 0 ? 0 : Rows.Max(r => Math.Max(r.Total, r.Previous)));

    public int Height => Rows.Count * RowHeight + 34;

    public double Width(int value) => value * (double)BarWidth / Max;
}

/// <summary>One column of a <see cref="ColumnChart"/>: a period (a month) with its value and 上年同期.</summary>
public sealed record ChartColumn(string Label, string Tooltip, int Current, int Previous);

/// <summary>Columns by period (this period) with 上年同期 as a line over them (<c>Shared/_ColumnChart.cshtml</c>).</summary>
public sealed record ColumnChart(string Id, string Title, IReadOnlyList<ChartColumn> Columns)
{
    public const string CurrentColour = "#1d4f91", PreviousColour = "#e6a23c";
    public const int Left = 40, Top = 12, PlotWidth = 500, PlotHeight = 170;

    /// <summary>The axis maximum: a round number (1, 2, 4, 5 × 10ⁿ, divisible into four grid steps) at or above the
    /// largest value.</summary>
    public int Max => Charts.NiceCeiling(Math.Max(1, Columns.Count == 0 ? 0 : Columns.Max(c => Math.Max(c.Current, c.Previous))));

    public double Step => PlotWidth / (double)Math.Max(1, Columns.Count);

    public double CentreOf(int i) => Left + Step * i + Step / 2;

    public double HeightOf(int value) => value * (double)PlotHeight / Max;

    /// <summary>Every column labelled up to twelve; beyond, every n-th so that labels do not overlap.</summary>
    public int LabelEvery => Columns.Count <= 12 ? 1 : (int)Math.Ceiling(Columns.Count / 12.0);

    public IEnumerable<(double X, double Y)> PreviousPoints => Columns.Select((c, i) => (CentreOf(i), Top + PlotHeight - HeightOf(c.Previous)));
}

public static class Charts
{
    /// <summary>A round axis maximum at or above <paramref name="max"/>: four grid steps of a round size (1, 2, 5 × 10ⁿ,
    /// or 25 × 10ⁿ), the smallest that reaches it (43 → 4 × 20 = 80; 101 → 4 × 50 = 200).</summary>
    public static int NiceCeiling(int max)
    {
        for (long magnitude = 1; ; magnitude *= 10)
            foreach (var step in new[] { magnitude, 2 * magnitude, magnitude * 5 / 2, 5 * magnitude })
                if (4 * step >= max)
                    return (int)(4 * step);
    }

    /// <summary>A label cut to <paramref name="max"/> characters with an ellipsis (the full text stays in the tooltip).</summary>
    public static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    /// <summary>Month columns from <paramref name="from"/> to <paramref name="to"/>, labelled 1月…12月 within one year,
    /// yy-MM across years; <paramref name="current"/> and <paramref name="previous"/> give a month's value (the previous
    /// one is asked for the month a year earlier).</summary>
    public static IReadOnlyList<ChartColumn> Months(DateOnly from, DateOnly to, Func<DateOnly, int> current, Func<DateOnly, int> previous)
    {
        var months = new List<DateOnly>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
            months.Add(m);
        var oneYear = months.Count <= 12 && months.Count > 0 && months[0].Year == months[^1].Year;
        return [.. months.Select(m =>
        {
            int now = current(m), before = previous(m.AddYears(-1));
            var label = oneYear ? $"{m.Month}月" : m.ToString("yy-MM", System.Globalization.CultureInfo.InvariantCulture);
            return new ChartColumn(label, $"{m.Year}年{m.Month}月 {now}（上年同期 {before}）", now, before);
        })];
    }
}
