using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Telemetry;

namespace BsiLedger.Grains.Telemetry;

/// <summary>
/// The process's release grains post their latest reading here; the observable gauges read it when a metrics
/// reader collects. The values live in the grains' state, so the board holds only what the release grains active in
/// this process last posted, each under its silo (<c>bsi.silo</c>): another silo or process that holds an activation
/// of the same release reports its own series, never the same one twice. A release is forgotten when its grain
/// deactivates.
/// </summary>
public static class RolloutBoard
{
    private static readonly ConcurrentDictionary<(string Silo, ReleaseId Release), ReleaseReading> Readings = new();

    public static readonly ObservableGauge<double> WaveFailureRate = LedgerTelemetry.Meter.CreateObservableGauge(
        "bsi.wave.failure_rate", () => Waves(r => r.FailureRate), "1", "Current wave's install failure rate (failed / (installed + failed)) over what its devices have reported, or at its last tally");

    public static readonly ObservableGauge<double> WaveFailureThreshold = LedgerTelemetry.Meter.CreateObservableGauge(
        "bsi.wave.failure_threshold", () => Waves(r => r.Threshold), "1", "Failure rate at which the current wave halts the rollout (once the sample is large enough)");

    public static readonly ObservableGauge<int> WaveAttempts = LedgerTelemetry.Meter.CreateObservableGauge(
        "bsi.wave.attempts", () => Waves(r => r.Attempts), "{attempt}", "Install attempts with a known result in the current wave, as reported or at its last tally");

    public static readonly ObservableGauge<double> WaveOfferRate = LedgerTelemetry.Meter.CreateObservableGauge(
        "bsi.wave.offer_rate", OfferRates, "{offer}/h", "Offers per hour of domain time a paced wave is sending now (absent while none are going out)");

    public static readonly ObservableGauge<int> RecallPending = LedgerTelemetry.Meter.CreateObservableGauge(
        "bsi.recall.pending", RecallsPending, "{device}", "Exposed devices a recall has not reached yet (0 once complete)");

    public static void Post(ReleaseReading reading) => Readings[(reading.Silo, reading.Release)] = reading;

    public static void Forget(string silo, ReleaseId release) => Readings.TryRemove((silo, release), out _);

    private static IEnumerable<Measurement<T>> Waves<T>(Func<ReleaseReading, T> value)
        where T : struct =>
        Readings.Values.Where(r => r.Wave is not null).Select(r => new Measurement<T>(
            value(r), new(RolloutMetrics.SiloTag, r.Silo), new(RolloutMetrics.ReleaseTag, r.Release.ToString()), new("bsi.wave", r.Wave!.Value)));

    private static IEnumerable<Measurement<double>> OfferRates() =>
        Readings.Values.Where(r => r.OfferRate is not null).Select(r => new Measurement<double>(
            r.OfferRate!.Value, new(RolloutMetrics.SiloTag, r.Silo), new(RolloutMetrics.ReleaseTag, r.Release.ToString()), new("bsi.wave", r.Wave!.Value)));

    private static IEnumerable<Measurement<int>> RecallsPending() =>
        Readings.Values.Where(r => r.RecallPending is not null).Select(r => new Measurement<int>(
            r.RecallPending!.Value, new(RolloutMetrics.SiloTag, r.Silo), new(RolloutMetrics.ReleaseTag, r.Release.ToString())));
}
