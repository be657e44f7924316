using BsiLedger.Domain.Releases;

namespace BsiLedger.Grains.Releases;

/// <summary>A release's confirmed state, its stream version, the progress of its recall, and the domain time it was taken at.</summary>
[GenerateSerializer, Immutable, Alias("bsi.release-snapshot")]
public sealed record ReleaseSnapshot(
    [property: Id(0)] Release Release,
    [property: Id(1)] int Version,
    [property: Id(2)] RecallProgress? Recall,
    [property: Id(3)] DateTimeOffset At);
