using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Kernel.Metrics;

public sealed record MetricDto(string Key, string Module, string Label, string Unit, string Definition, string Rollup, string Time, string? OnDay,
    IReadOnlyList<string> Dimensions, string? Numerator, string? Denominator, decimal? Current, decimal? Previous, decimal? Change, string? Records,
    IReadOnlyList<MetricPart> Parts);

public sealed record MetricsAnswer(string Org, string OrgName, string From, string To, string PreviousFrom, string PreviousTo, IReadOnlyList<MetricDto> Figures);

/// <summary>
/// <c>GET /api/v1/metrics</c>: every figure the caller may see (each module's figures need that module's read permission,
/// <see cref="IMetricSource.ReadPermission"/>), for a unit within the caller's scope and a period, with the same period
/// last year. Figures come from the same cache as the modules' stats pages.
/// </summary>
public static class MetricEndpoints
{
    public static void MapMetrics(this RouteGroupBuilder api) =>
        api.MapGet("/metrics", (string? org, DateOnly? from, DateOnly? to, string? keys, IEnumerable<IMetricSource> sources, ICurrentUser user, CancellationToken ct) =>
                ListAsync(org, Period.Parse(from, to), keys, sources, user, ct))
            .WithTags("统计指标")
            .WithSummary("统计指标（含下级机构）：各模块发布的指标及其口径、单位、汇总方式，本期与上年同期；keys 以逗号分隔，缺省为全部可见指标")
            .RequirePermission(PermissionPolicies.SignedIn);

    private static async Task<MetricsAnswer> ListAsync(string? org, Period period, string? keys, IEnumerable<IMetricSource> sources, ICurrentUser user, CancellationToken ct)
    {
        var all = sources.ToList();
        var wanted = string.IsNullOrWhiteSpace(keys) ? null
            : keys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (wanted is not null && wanted.Except(all.SelectMany(s => s.Definitions).Select(d => d.Key)).ToList() is { Count: > 0 } unknown)
            throw FazhiValidationException.For("keys", $"未知的指标：{string.Join("、", unknown)}");
        var previous = period.SamePeriodLastYear();
        var figures = new List<MetricDto>();
        var (code, name) = (org?.Trim() ?? "", "全部");
        // One module after the other: they share the request's database context.
        foreach (var source in all.Where(s => user.Can(s.ReadPermission)))
        {
            var definitions = source.Definitions.Where(d => wanted is null || wanted.Contains(d.Key)).ToList();
            if (definitions.Count == 0)
                continue;
            var set = await source.GetAsync(org, period, ct);
            (code, name) = (set.Org, set.OrgName);
            var values = set.Values.ToDictionary(v => v.Key, StringComparer.Ordinal);
            figures.AddRange(definitions.Select(d => values.GetValueOrDefault(d.Key) is { } v ? Dto(source.Module, d, v) : Dto(source.Module, d, new MetricValue(d.Key, null, null))));
        }
        return new MetricsAnswer(code, name, period.FromIso, period.ToIso, previous.FromIso, previous.ToIso, figures);
    }

    private static MetricDto Dto(string module, MetricDefinition d, MetricValue v) =>
        new(d.Key, module, d.Label, d.Unit, d.Definition, d.Rollup.ToString().ToLowerInvariant(), d.Time == MetricTime.PointInTime ? "point-in-time" : "period",
            d.OnDay, d.Dimensions, d.Numerator, d.Denominator, v.Current, v.Previous,
            d.Rollup == Rollup.Sum && v.Current is { } now && v.Previous is { } before ? Percent.Change(now, before) : null, v.Records, v.Parts);
}
