namespace BsiLedger.Domain.Releases.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.rollout-not-paused")]
public sealed record RolloutNotPaused([property: Id(0)] ReleaseId Release, [property: Id(1)] RolloutPhase Phase)
    : DomainError($"the rollout of {Release} is {Phase.ToString().ToLowerInvariant()}, neither paused nor halted: there is nothing to resume");
