namespace BsiLedger.Cli.Watching;

/// <summary>The cumulative counters of one release on the <c>BsiLedger</c> meter, read from one scrape.</summary>
public sealed record MeterCounts(double Offers, double Installs, double Applies, double Failures)
{
    private const string ReleaseLabel = "bsi_release";

    public static MeterCounts Of(IReadOnlyList<PrometheusSample> samples, string release) => new(
        Sum(samples, "bsi_rollout_offers_total", release),
        Sum(samples, "bsi_device_installs_total", release),
        Sum(samples, "bsi_device_applies_total", release),
        Sum(samples, "bsi_device_install_failures_total", release));

    /// <summary>The latest wave the gauges know for the release, if any.</summary>
    public static WaveGauge? WaveOf(IReadOnlyList<PrometheusSample> samples, string release)
    {
        var rates = samples.Where(s => s.Name == "bsi_wave_failure_rate" && Of(s, release)).ToList();
        if (rates.Count == 0)
        {
            return null;
        }

        var latest = rates.MaxBy(s => int.Parse(s.Labels.GetValueOrDefault("bsi_wave", "0"), System.Globalization.CultureInfo.InvariantCulture))!;
        var wave = latest.Labels.GetValueOrDefault("bsi_wave", "0");
        double Gauge(string name) => samples.FirstOrDefault(s => s.Name == name && Of(s, release) && s.Labels.GetValueOrDefault("bsi_wave") == wave)?.Value ?? 0;
        return new WaveGauge(int.Parse(wave, System.Globalization.CultureInfo.InvariantCulture), latest.Value, Gauge("bsi_wave_failure_threshold"), Gauge("bsi_wave_attempts"));
    }

    public static double? RecallPendingOf(IReadOnlyList<PrometheusSample> samples, string release) =>
        samples.FirstOrDefault(s => s.Name == "bsi_recall_pending" && Of(s, release))?.Value;

    public WatchRates Since(MeterCounts earlier, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        return new WatchRates(
            Math.Max(0, Offers - earlier.Offers) / seconds,
            Math.Max(0, Installs - earlier.Installs) / seconds,
            Math.Max(0, Applies - earlier.Applies) / seconds,
            Math.Max(0, Failures - earlier.Failures) / seconds);
    }

    private static double Sum(IReadOnlyList<PrometheusSample> samples, string name, string release) =>
        samples.Where(s => s.Name == name && Of(s, release)).Sum(s => s.Value);

    private static bool Of(PrometheusSample sample, string release) => sample.Labels.GetValueOrDefault(ReleaseLabel) == release;
}
