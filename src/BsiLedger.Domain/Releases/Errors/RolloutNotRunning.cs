namespace BsiLedger.Domain.Releases.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.rollout-not-running")]
public sealed record RolloutNotRunning([property: Id(0)] ReleaseId Release, [property: Id(1)] RolloutPhase Phase)
    : DomainError($"the rollout of {Release} is {Phase.ToString().ToLowerInvariant()}, not running: only a running rollout can be paused");
