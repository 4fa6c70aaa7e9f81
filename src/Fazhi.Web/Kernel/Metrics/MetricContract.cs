namespace Fazhi.Web.Kernel.Metrics;

/// <summary>How a figure of several units or months adds up.</summary>
public enum Rollup
{
    /// <summary>A count or an amount: the parts are added.</summary>
    Sum,

    /// <summary>A rate: numerator and denominator are added, then divided (<see cref="Percent.Of(long,long)"/>); never an average of rates.</summary>
    Ratio,

    /// <summary>A mean (评查平均分): the sum of the values and their count are added, then divided.</summary>
    Mean,
}

/// <summary>Whether a figure counts what happened in a period, or what stood on a day (持证人数 at the period's end).</summary>
public enum MetricTime
{
    Period,

    /// <summary>Stands on one day: <see cref="MetricDefinition.OnDay"/> says which end of the period.</summary>
    PointInTime,
}

/// <summary>The dimensions a figure may be broken down by.</summary>
public static class MetricDimensions
{
    public const string Department = "department";
    public const string Kind = "kind";
    public const string Category = "category";
    public const string Month = "month";
}

/// <summary>
/// One figure a module publishes: its key (<c>module.figure</c>), 中文名, unit, definition (DOMAIN.md's wording), how it
/// rolls up and by which dimensions it can be broken down. For a ratio, <see cref="Numerator"/> and
/// <see cref="Denominator"/> name the figures it is recomputed from.
/// </summary>
public sealed record MetricDefinition(string Key, string Label, string Unit, string Definition, Rollup Rollup = Rollup.Sum)
{
    public MetricTime Time { get; init; } = MetricTime.Period;

    /// <summary>For a point-in-time figure: "from" (the first day) or "to" (the last day).</summary>
    public string? OnDay { get; init; }

    public IReadOnlyList<string> Dimensions { get; init; } = [];

    public string? Numerator { get; init; }

    public string? Denominator { get; init; }
}

/// <summary>One member of a dimension (a department, a month, a decision type) with both periods' values.</summary>
public sealed record MetricPart(string Dimension, string Member, string Label, decimal? Current, decimal? Previous);

/// <summary>
/// A figure's values for a unit and a period and the same period last year. <see cref="Records"/> names the records
/// it counts: the module's list page with the filter that shows them (drill-down), where the list can express it.
/// </summary>
public sealed record MetricValue(string Key, decimal? Current, decimal? Previous)
{
    public IReadOnlyList<MetricPart> Parts { get; init; } = [];

    public string? Records { get; init; }
}

/// <summary>A module's figures for one unit (and everything below it) and one period.</summary>
public sealed record MetricSet(string Org, string OrgName, Period Current, Period Previous, IReadOnlyList<MetricValue> Values);

/// <summary>
/// The metric contract: how a module publishes its figures (DOMAIN §2) to the Kernel, its stats pages, the
/// <c>/api/v1/metrics</c> endpoint and, later, the reports. A module registers one in its <c>Add</c> as
/// <c>services.AddScoped&lt;IMetricSource, …&gt;()</c>. Every figure is computed within the caller's data scope.
/// </summary>
public interface IMetricSource
{
    /// <summary>The module's code (the manifest's), the first segment of every key.</summary>
    string Module { get; }

    /// <summary>The module's table prefix: a write to those tables makes its cached figures stale.</summary>
    string TablePrefix { get; }

    /// <summary>The read permission a caller needs to see the module's figures.</summary>
    string ReadPermission { get; }

    IReadOnlyList<MetricDefinition> Definitions { get; }

    /// <summary>Every figure of <see cref="Definitions"/> for a unit (null: the caller's whole scope) and a period,
    /// with the same period a year earlier; cached (<see cref="MetricCache"/>). 404 for a unit outside the scope.</summary>
    Task<MetricSet> GetAsync(string? orgCode, Period period, CancellationToken ct);
}
