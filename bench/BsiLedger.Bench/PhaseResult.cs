using BsiLedger.EventStore.Journal;

namespace BsiLedger.Bench;

/// <summary>One phase's figures, with the journal options it ran with when it went through the journal.</summary>
public sealed record PhaseResult(string Phase, long Events, double Seconds, JournalOptions? Journal = null)
{
    public double EventsPerSecond => Seconds > 0 ? Events / Seconds : 0;

    /// <summary>Two runs of the same phase as one: their events over their time.</summary>
    public PhaseResult With(PhaseResult other) => this with { Events = Events + other.Events, Seconds = Seconds + other.Seconds };
}
