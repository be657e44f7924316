namespace BsiLedger.Bench;

/// <summary>
/// Wall time per event, in microseconds, on the batched path and on the grain path without a journal; the difference
/// is what the journal (hashing, Marten, PostgreSQL) adds. Both keep the same cores busy, so this is a difference of
/// throughputs, not a CPU breakdown. Batching can amortise only the journal's share.
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
