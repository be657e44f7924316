namespace BsiLedger.Domain.Releases.Commands;

/// <summary>The recall's fan-out found no device still holding the release.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.complete-recall")]
public sealed record CompleteRecall(
    ReleaseId Release,
    [property: Id(0)] int Withdrawn,
    [property: Id(1)] int Settled,
    Cause Cause) : ReleaseCommand(Release, Cause);
