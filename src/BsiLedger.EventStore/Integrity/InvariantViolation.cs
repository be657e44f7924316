namespace BsiLedger.EventStore.Integrity;

/// <summary>One invariant a run broke: which (<paramref name="Invariant"/>), on which stream, and what was found.</summary>
public sealed record InvariantViolation(string Invariant, string StreamId, string Problem)
{
    public override string ToString() => $"{Invariant}: stream '{StreamId}': {Problem}";
}
