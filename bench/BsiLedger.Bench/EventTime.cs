namespace BsiLedger.Bench;

/// <summary>
/// Where a batched event's wall time goes, in microseconds: the grain path before the journal (measured without one)
/// and the journal (hashing, Marten, PostgreSQL), which is the rest. Batching amortises only the journal's share.
/// </summary>
public sealed record EventTime(double BatchedMicroseconds, double GrainPathMicroseconds, double JournalMicroseconds)
{
    public double JournalShare => BatchedMicroseconds > 0 ? JournalMicroseconds / BatchedMicroseconds : 0;

    public static EventTime Split(PhaseResult batched, PhaseResult withoutJournal)
    {
        var total = Microseconds(batched);
        var grains = Microseconds(withoutJournal);
        return new EventTime(total, grains, Math.Max(0, total - grains));
    }

    private static double Microseconds(PhaseResult phase) => phase.EventsPerSecond > 0 ? 1e6 / phase.EventsPerSecond : 0;
}
