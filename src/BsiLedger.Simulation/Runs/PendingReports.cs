using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.Runs;

/// <summary>
/// The reports simulated devices will make once their delays are over. Filled from the device grains as offers
/// arrive (on any silo of the run, so it is locked) and emptied by the run at each step. A device has at most one
/// report pending per release: an offline device offered again at its next check-in is still on its first.
/// </summary>
public sealed class PendingReports
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<DeviceReport, (DateTimeOffset, string, string)> _due = new();
    private readonly HashSet<(string DeviceId, ReleaseId Release)> _waiting = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _due.Count;
            }
        }
    }

    /// <summary>False when the device already has a report pending on the release.</summary>
    public bool Add(DeviceReport report)
    {
        lock (_lock)
        {
            if (!_waiting.Add((report.DeviceId, report.Release)))
            {
                return false;
            }

            Enqueue(report);
            return true;
        }
    }

    /// <summary>The reports due at or before <paramref name="until"/>, in the order they fell due (then by device and release).</summary>
    public IReadOnlyList<DeviceReport> TakeDue(DateTimeOffset until)
    {
        lock (_lock)
        {
            var due = new List<DeviceReport>();
            while (_due.TryPeek(out var report, out _) && report.At <= until)
            {
                _due.Dequeue();
                _waiting.Remove((report.DeviceId, report.Release));
                due.Add(report);
            }

            return due;
        }
    }

    private void Enqueue(DeviceReport report) =>
        _due.Enqueue(report, (report.At, report.DeviceId, report.Release.ToString()));
}
