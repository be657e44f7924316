using System.Diagnostics;
using BsiLedger.EventStore.Outages;

namespace BsiLedger.Simulation.Runs;

/// <summary>Sends the current stage's <see cref="ProgressUpdate"/> once a second until disposed.</summary>
public sealed class ProgressTicker : IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    private readonly ISimulationProgress _progress;
    private readonly AppendedEventsCounter _events = new();
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private Stage? _stage;
    private long _lastEvents;
    private long _lastTick = Stopwatch.GetTimestamp();

    public ProgressTicker(ISimulationProgress progress)
    {
        _progress = progress;
        _timer = new Timer(_ => Tick(), null, Every, Every);
    }

    /// <summary>From now on, report <paramref name="done"/> out of <paramref name="total"/> <paramref name="unit"/>.</summary>
    public void Track(string stage, long total, string unit, Func<long> done)
    {
        lock (_gate)
        {
            _stage = new Stage(stage, total, unit, done, Stopwatch.StartNew());
        }
    }

    /// <summary>One last update of the stage, so it is seen complete however fast it was.</summary>
    public void Finish()
    {
        Tick();
        lock (_gate)
        {
            _stage = null;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _events.Dispose();
    }

    private void Tick()
    {
        ProgressUpdate update;
        lock (_gate)
        {
            if (_stage is not { } stage)
            {
                return;
            }

            var events = _events.Events;
            var interval = Stopwatch.GetElapsedTime(_lastTick).TotalSeconds;
            update = new ProgressUpdate(stage.Name, stage.Done(), stage.Total, stage.Unit, stage.Clock.Elapsed, events, (events - _lastEvents) / Math.Max(interval, 0.001), DatabaseOutages.WaitingFor());
            _lastEvents = events;
            _lastTick = Stopwatch.GetTimestamp();
        }

        _progress.Update(update);
    }

    private sealed record Stage(string Name, long Total, string Unit, Func<long> Done, Stopwatch Clock);
}
