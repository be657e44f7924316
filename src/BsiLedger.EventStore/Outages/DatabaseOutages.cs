using System.Diagnostics;
using System.Diagnostics.Metrics;
using BsiLedger.EventStore.Telemetry;

namespace BsiLedger.EventStore.Outages;

/// <summary>
/// Whether this process is waiting for its database, and since when: progress says so, and the
/// <c>bsi.database.outage.duration</c> gauge shows it to an SRE. Every wait (<see cref="OutageWait"/>) registers here.
/// </summary>
public static class DatabaseOutages
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<OutageWait, long> Waiting = [];

    public static readonly Counter<long> Retries =
        LedgerTelemetry.Meter.CreateCounter<long>("bsi.database.retries", "{retry}", "Database round trips tried again after a dropped connection, a restart or a full server");

    public static readonly ObservableGauge<double> Duration =
        LedgerTelemetry.Meter.CreateObservableGauge("bsi.database.outage.duration", () => WaitingFor()?.TotalSeconds ?? 0, "s",
            "How long the oldest wait for the database has lasted; 0 while it answers");

    /// <summary>How long the oldest wait has lasted, or null when nothing waits.</summary>
    public static TimeSpan? WaitingFor()
    {
        lock (Gate)
        {
            return Waiting.Count == 0 ? null : Stopwatch.GetElapsedTime(Waiting.Values.Min());
        }
    }

    internal static void Began(OutageWait wait)
    {
        lock (Gate)
        {
            Waiting[wait] = Stopwatch.GetTimestamp();
        }
    }

    internal static void Ended(OutageWait wait)
    {
        lock (Gate)
        {
            Waiting.Remove(wait);
        }
    }
}
