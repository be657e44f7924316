namespace BsiLedger.Domain.Releases.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.rollout-not-planned")]
public sealed record RolloutNotPlanned([property: Id(0)] ReleaseId Release)
    : DomainError($"{Release} has no rollout plan yet: plan it first (bsi release plan)");
