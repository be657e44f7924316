namespace BsiLedger.Domain.Releases.Commands;

/// <summary>An operator plans (or, before it starts, replans) the rollout.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.plan-rollout")]
public sealed record PlanRollout(
    ReleaseId Release,
    [property: Id(0)] RolloutPlan Plan,
    Cause Cause) : ReleaseCommand(Release, Cause);
