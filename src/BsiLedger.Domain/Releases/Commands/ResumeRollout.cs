namespace BsiLedger.Domain.Releases.Commands;

/// <summary>An operator resumes a paused or halted rollout.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.resume-rollout")]
public sealed record ResumeRollout(
    ReleaseId Release,
    Cause Cause) : ReleaseCommand(Release, Cause);
