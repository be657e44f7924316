namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// What <see cref="RolloutInvariants"/> found. The lists hold the first <see cref="RolloutInvariants.FindingsKept"/> of
/// each kind; the counts hold them all.
/// </summary>
public sealed record InvariantReport(
    long Events,
    long LostCount,
    IReadOnlyList<AcknowledgedCommand> Lost,
    long DoubledCount,
    IReadOnlyList<DoubledEvents> Doubled,
    long ViolationCount,
    IReadOnlyList<InvariantViolation> Violations)
{
    public bool Holds => LostCount == 0 && DoubledCount == 0 && ViolationCount == 0;
}
