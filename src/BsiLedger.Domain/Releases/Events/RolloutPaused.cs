namespace BsiLedger.Domain.Releases.Events;

/// <summary>An operator paused the rollout: no new offers until it is resumed.</summary>
[GenerateSerializer, Immutable, Alias("bsi.rollout-paused")]
public sealed record RolloutPaused(
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Cause Cause) : IReleaseEvent;
