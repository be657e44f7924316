using System.Diagnostics.Metrics;
using BsiLedger.EventStore.Telemetry;

namespace BsiLedger.Simulation.Runs;

/// <summary>
/// Counts the events the journal reports appended, by listening to its own meter: progress sees what the
/// database committed, whatever telemetry exporter is (or is not) configured.
/// </summary>
public sealed class AppendedEventsCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _events;

    public AppendedEventsCounter()
    {
        // Compared by name: the callback can run while JournalMetrics' own fields are still being initialised.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LedgerTelemetry.Name && instrument.Name == JournalMetrics.EventsAppendedName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _events, value));
        _listener.Start();
    }

    public long Events => Interlocked.Read(ref _events);

    public void Dispose() => _listener.Dispose();
}
