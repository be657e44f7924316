using BsiLedger.Simulation.Runs;

namespace BsiLedger.Cli.Simulation;

/// <summary>Not a terminal (a log, a pipe, CI): whole lines only, an update at most every <paramref name="every"/>.</summary>
public sealed class PlainProgress(TextWriter log, TimeSpan every) : ISimulationProgress
{
    private readonly Lock _gate = new();
    private string? _stage;
    private TimeSpan _lastAt;
    private bool _waiting;

    public void Milestone(string line)
    {
        lock (_gate)
        {
            log.WriteLine(line);
        }
    }

    /// <remarks>
    /// A stage's first update and its completion (all done) always print, so a short stage is still seen from start to end;
    /// so does the first update that finds the run waiting for its database, however short the wait.
    /// </remarks>
    public void Update(ProgressUpdate update)
    {
        lock (_gate)
        {
            var newStage = update.Stage != _stage;
            var startedWaiting = update.WaitingForDatabase is not null && !_waiting;
            _waiting = update.WaitingForDatabase is not null;
            if (!newStage && !startedWaiting && update.Done < update.Total && update.Elapsed - _lastAt < every)
            {
                return;
            }

            _stage = update.Stage;
            _lastAt = update.Elapsed;
            log.WriteLine(update.ToString());
        }
    }
}
