namespace BsiLedger.Domain.Releases.Commands;

/// <summary>An operator pauses the rollout.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.pause-rollout")]
public sealed record PauseRollout(
    ReleaseId Release,
    Cause Cause) : ReleaseCommand(Release, Cause);
