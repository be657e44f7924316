using BsiLedger.Domain.Releases.Pacing;

namespace BsiLedger.Domain.Releases.Commands;

/// <summary>A paced wave's offers due now have gone out; the tally is what they found, the progress the pacing's after them.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.send-wave-offers")]
public sealed record SendWaveOffers(
    ReleaseId Release,
    [property: Id(0)] int Wave,
    [property: Id(1)] WaveTally Tally,
    [property: Id(2)] PacingProgress Progress,
    Cause Cause) : ReleaseCommand(Release, Cause);
