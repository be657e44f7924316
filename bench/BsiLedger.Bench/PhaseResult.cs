using BsiLedger.EventStore.Journal;

namespace BsiLedger.Bench;

/// <summary>
/// One phase's figures, with the journal options it ran with when it went through the journal and, for a phase run in
/// this process, what the garbage collector did meanwhile.
/// </summary>
public sealed record PhaseResult(string Phase, long Events, double Seconds, JournalOptions? Journal = null, GcFigures? Gc = null)
{
    public double EventsPerSecond => Seconds > 0 ? Events / Seconds : 0;

    public double? AllocatedBytesPerEvent => Gc is { } gc && Events > 0 ? (double)gc.AllocatedBytes / Events : null;

    /// <summary>The share of the phase's wall time the process spent paused for garbage collection.</summary>
    public double? GcPauseShare => Gc is { } gc && Seconds > 0 ? gc.PauseSeconds / Seconds : null;

    /// <summary>Two runs of the same phase as one: their events over their time.</summary>
    public PhaseResult With(PhaseResult other) => this with
    {
        Events = Events + other.Events,
        Seconds = Seconds + other.Seconds,
        Gc = Gc is { } gc && other.Gc is { } more ? gc.Plus(more) : null,
    };
}
