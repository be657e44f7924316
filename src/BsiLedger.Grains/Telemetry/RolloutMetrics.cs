using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Telemetry;

namespace BsiLedger.Grains.Telemetry;

/// <summary>
/// What devices did with releases, counted as their events are appended (so the counts are the ledger's, whoever
/// reported them: a rollout's offer or a device's own report), and how long a recall took to reach each device. Each
/// measurement names the silo that took it (<c>bsi.silo</c>), so a sum over silos counts every append once.
/// </summary>
public static class RolloutMetrics
{
    public const string ReleaseTag = "bsi.release";

    public const string SiloTag = "bsi.silo";

    public static readonly Counter<long> Offers =
        LedgerTelemetry.Meter.CreateCounter<long>("bsi.rollout.offers", "{offer}", "Offers of a release that reached a device in a wave or at its check-in, by outcome");

    public static readonly Counter<long> Installs =
        LedgerTelemetry.Meter.CreateCounter<long>("bsi.device.installs", "{install}", "Releases staged on devices (BsiInstalled appended)");

    public static readonly Counter<long> Applies =
        LedgerTelemetry.Meter.CreateCounter<long>("bsi.device.applies", "{apply}", "Staged releases activated on devices (BsiApplied appended)");

    public static readonly Counter<long> Failures =
        LedgerTelemetry.Meter.CreateCounter<long>("bsi.device.install_failures", "{failure}", "Failed installs reported by devices (BsiInstallFailed appended)");

    public static readonly Counter<long> Skips =
        LedgerTelemetry.Meter.CreateCounter<long>("bsi.device.skips", "{skip}", "Offers a device's settings or MDM policy turned down (BsiSkipped appended)");

    public static readonly Counter<long> Withdrawals =
        LedgerTelemetry.Meter.CreateCounter<long>("bsi.device.withdrawals", "{withdrawal}", "Releases withdrawn from devices by a recall (BsiWithdrawn appended)");

    public static readonly Histogram<double> RecallPropagation =
        LedgerTelemetry.Meter.CreateHistogram("bsi.recall.propagation.duration", "s",
            "Wall time from a release's RecallIssued to the withdrawal from one device",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 12 * 3600, 24 * 3600, 7 * 24 * 3600] });

    public static void Offered(string silo, ReleaseId release, OfferOutcome outcome)
    {
        if (Offers.Enabled)
        {
            Offers.Add(1, new(SiloTag, silo), new(ReleaseTag, Name(release)), new("bsi.offer.outcome", SnakeNames<OfferOutcome>.Of(outcome)));
        }
    }

    /// <summary>Counts the events one append has made durable.</summary>
    public static void Appended<TEvent>(string silo, IReadOnlyList<TEvent> events)
        where TEvent : notnull
    {
        foreach (object e in events)
        {
            switch (e)
            {
                case BsiInstalled installed when Installs.Enabled:
                    Installs.Add(1, new(SiloTag, silo), new(ReleaseTag, Name(installed.Release)));
                    break;
                case BsiApplied applied when Applies.Enabled:
                    Applies.Add(1, new(SiloTag, silo), new(ReleaseTag, Name(applied.Release)), new("bsi.activation", SnakeNames<Activation>.Of(applied.Activation)));
                    break;
                case BsiInstallFailed failed when Failures.Enabled:
                    Failures.Add(1, new(SiloTag, silo), new(ReleaseTag, Name(failed.Release)));
                    break;
                case BsiSkipped skipped when Skips.Enabled:
                    Skips.Add(1, new(SiloTag, silo), new(ReleaseTag, Name(skipped.Release)), new("bsi.skip.reason", SnakeNames<SkipReason>.Of(skipped.Reason)));
                    break;
                case BsiWithdrawn withdrawn when Withdrawals.Enabled:
                    Withdrawals.Add(1, new(SiloTag, silo), new(ReleaseTag, Name(withdrawn.Release)));
                    break;
            }
        }
    }

    /// <summary>A withdrawal of a release whose recall was issued at <paramref name="issuedAt"/> (wall time) has just been appended.</summary>
    public static void RecallReached(string silo, ReleaseId release, DateTimeOffset? issuedAt)
    {
        if (issuedAt is { } issued)
        {
            var latency = TimeProvider.System.GetUtcNow() - issued;
            RecallPropagation.Record(Math.Max(latency.TotalSeconds, 0), new(SiloTag, silo), new(ReleaseTag, Name(release)));
        }
    }

    // Every report appended is counted under its release: each release's tag value is made once, not once per event.
    private static readonly ConcurrentDictionary<ReleaseId, string> ReleaseNames = new();

    private static string Name(ReleaseId release) => ReleaseNames.GetOrAdd(release, r => r.ToString());

    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>Each value of an enum as a tag value in snake case, made once.</summary>
    private static class SnakeNames<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<T, string> Names = Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => Snake(v.ToString()));

        public static string Of(T value) => Names.TryGetValue(value, out var name) ? name : Snake(value.ToString());
    }
}
