using OpenTelemetry.Metrics;

namespace BsiLedger.Host.Telemetry;

/// <summary>
/// What the libraries' instruments become on export, so that Prometheus' own checker (<c>promtool check metrics</c>)
/// passes the scrape and an SRE reads only what they would use. Orleans' own instruments are dropped but for the grain
/// and activation counts (its dashboard shows the rest, and its latencies are in milliseconds, which no view can turn
/// into seconds); Marten's projection instruments get the help text they lack; Npgsql's connection gauge loses the
/// <c>_count</c> suffix Prometheus keeps for histograms.
/// </summary>
public static class LibraryMetricViews
{
    private static readonly Dictionary<string, string> OrleansKept = new()
    {
        ["orleans-grains"] = "Grains activated on this silo, by type",
        ["orleans-catalog-activations"] = "Grain activations on this silo",
    };

    public static MeterProviderBuilder AddLibraryMetricViews(this MeterProviderBuilder metrics) => metrics
        .AddView(instrument => instrument.Meter.Name switch
        {
            "Microsoft.Orleans" => OrleansKept.TryGetValue(instrument.Name, out var help)
                ? new MetricStreamConfiguration { Description = help }
                : MetricStreamConfiguration.Drop,
            "Marten" when string.IsNullOrEmpty(instrument.Description) => MartenHelp(instrument.Name) is { } help
                ? new MetricStreamConfiguration { Description = help }
                : MetricStreamConfiguration.Drop,
            _ => null,
        })
        .AddView("db.client.connection.count", new MetricStreamConfiguration { Name = "db.client.connections.usage" });

    /// <summary>
    /// Marten names its daemon's instruments after each projection shard (<c>marten.{shard}.{what}</c>) and gives
    /// them no description; one appears only once its shard has worked, so each kind is described here, and a kind
    /// not known here is dropped rather than exported without help text.
    /// </summary>
    private static string? MartenHelp(string instrument) => instrument[(instrument.LastIndexOf('.') + 1)..] switch
    {
        "gap" => "Events between the event store's high-water mark and the async projection's position (its lag)",
        "processed" => "Events the async projection has processed",
        "skipped" => "Events the async projection skipped",
        _ => null,
    };
}
