using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Fazhi.Web.Modules.Hotline.Features.Tickets;

/// <summary>
/// Where a ticket batch's time goes, per stage (bench/README.md's 12345 breakdown; any metrics exporter that listens to
/// the <see cref="MeterName"/> meter sees it too): <c>fazhi.hotline.ingest.stage</c>, milliseconds, tagged
/// <c>stage</c> = one of <see cref="Stages"/>.
/// </summary>
public static class TicketIngestionMetrics
{
    public const string MeterName = "Fazhi.Hotline";
    public const string InstrumentName = "fazhi.hotline.ingest.stage";

    /// <summary>In the order a batch passes them.</summary>
    public static readonly IReadOnlyList<string> Stages =
        ["parse", "orgs", "check", "lock+keys", "encrypt", "stage-copy", "history", "merge", "own-tickets", "save+commit"];

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> StageMs = Meter.CreateHistogram<double>(InstrumentName, "ms", "Time of one stage of a 12345 ticket batch");

    /// <summary>Records the time since <paramref name="since"/> under <paramref name="stage"/> and answers a new start.</summary>
    public static long Lap(string stage, long since)
    {
        var now = Stopwatch.GetTimestamp();
        if (StageMs.Enabled)
            StageMs.Record(Stopwatch.GetElapsedTime(since, now).TotalMilliseconds, new KeyValuePair<string, object?>("stage", stage));
        return now;
    }
}
