namespace BsiLedger.Domain.Releases.Events;

/// <summary>The release's staged rollout was planned (or replanned before it started).</summary>
[GenerateSerializer, Immutable, Alias("bsi.rollout-planned")]
public sealed record RolloutPlanned(
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] RolloutPlan Plan,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] Cause Cause) : IReleaseEvent;
