using OpenTelemetry.Metrics;

namespace BsiLedger.Host.Telemetry;

/// <summary>
/// What the libraries' instruments become on export, so that Prometheus' own checker (<c>promtool check metrics</c>)
/// passes the scrape and an SRE reads only what they would use. Orleans' own instruments are dropped but for the grain
/// and activation counts (its dashboard shows the rest, and its latencies are in milliseconds, which no view can turn
/// into seconds); Marten's projection lag gets the help text it lacks; Npgsql's connection gauge loses the
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
            "Marten" when instrument.Name.EndsWith(".gap", StringComparison.Ordinal) && string.IsNullOrEmpty(instrument.Description) =>
                new MetricStreamConfiguration { Description = "Events between the event store's high-water mark and the async projection's position (its lag)" },
            _ => null,
        })
        .AddView("db.client.connection.count", new MetricStreamConfiguration { Name = "db.client.connections.usage" });
}
