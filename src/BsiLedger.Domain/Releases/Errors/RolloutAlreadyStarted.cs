namespace BsiLedger.Domain.Releases.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.rollout-already-started")]
public sealed record RolloutAlreadyStarted([property: Id(0)] ReleaseId Release, [property: Id(1)] RolloutPhase Phase)
    : DomainError($"the rollout of {Release} has already started (it is {Phase.ToString().ToLowerInvariant()}): a started plan cannot be started or replanned");
