using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BsiLedger.EventStore.Telemetry;

namespace BsiLedger.Grains.Tests.Telemetry;

/// <summary>Every measurement the BsiLedger meter takes while this is alive, as a metrics reader would see it.</summary>
public sealed class MetricReadings : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Reading> _readings = new();

    public MetricReadings()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LedgerTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The measurements of one instrument taken for one release (by its <c>bsi.release</c> tag).</summary>
    public IReadOnlyList<Reading> Of(string instrument, string? release = null) =>
        [.. _readings.Where(r => r.Instrument == instrument && (release is null || Equals(r.Tags.GetValueOrDefault("bsi.release"), release)))];

    public double Sum(string instrument, string release) => Of(instrument, release).Sum(r => r.Value);

    /// <summary>Reads the observable gauges now, as a collection would; returns the latest value for the release.</summary>
    public Reading Observe(string instrument, string release)
    {
        _listener.RecordObservableInstruments();
        return Of(instrument, release)[^1];
    }

    public void Dispose() => _listener.Dispose();

    private void Add<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct =>
        _readings.Enqueue(new Reading(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), tags.ToArray().ToDictionary()));

    public sealed record Reading(string Instrument, double Value, Dictionary<string, object?> Tags);
}
