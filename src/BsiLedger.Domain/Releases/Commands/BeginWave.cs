namespace BsiLedger.Domain.Releases.Commands;

/// <summary>
/// A wave's offers have gone out (wave 0 is an operator's start); the tally is what they found. A paced wave sends
/// none yet and states its slice's size.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.begin-wave")]
public sealed record BeginWave(
    ReleaseId Release,
    [property: Id(0)] int Wave,
    [property: Id(1)] WaveTally Tally,
    Cause Cause,
    [property: Id(2)] int? Slice = null) : ReleaseCommand(Release, Cause);
