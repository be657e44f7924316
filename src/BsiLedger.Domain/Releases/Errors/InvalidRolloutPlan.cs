namespace BsiLedger.Domain.Releases.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.invalid-rollout-plan")]
public sealed record InvalidRolloutPlan([property: Id(0)] ReleaseId Release, [property: Id(1)] string Problem)
    : DomainError($"the plan for {Release} is invalid: {Problem}");
