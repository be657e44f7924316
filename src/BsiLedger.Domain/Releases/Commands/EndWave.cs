namespace BsiLedger.Domain.Releases.Commands;

/// <summary>A wave's soak is over; the tally is its slice's now. Completes the wave, or halts the rollout.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.end-wave")]
public sealed record EndWave(
    ReleaseId Release,
    [property: Id(0)] int Wave,
    [property: Id(1)] WaveTally Tally,
    Cause Cause) : ReleaseCommand(Release, Cause);
