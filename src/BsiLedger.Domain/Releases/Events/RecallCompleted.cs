namespace BsiLedger.Domain.Releases.Events;

/// <summary>No device that had the release still has it: withdrawn by the recall, or settled otherwise (an OS update, a removal).</summary>
[GenerateSerializer, Immutable, Alias("bsi.recall-completed")]
public sealed record RecallCompleted(
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] string RecallId,
    [property: Id(2)] int Withdrawn,
    [property: Id(3)] int Settled,
    [property: Id(4)] int Pending,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] Cause Cause) : IReleaseEvent;
