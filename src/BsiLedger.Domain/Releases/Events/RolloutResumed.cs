namespace BsiLedger.Domain.Releases.Events;

/// <summary>An operator resumed a paused or halted rollout.</summary>
[GenerateSerializer, Immutable, Alias("bsi.rollout-resumed")]
public sealed record RolloutResumed(
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Cause Cause) : IReleaseEvent;
