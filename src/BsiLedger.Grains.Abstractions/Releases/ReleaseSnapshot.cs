using BsiLedger.Domain.Releases;

namespace BsiLedger.Grains.Releases;

/// <summary>
/// A release's confirmed state, its stream version, the progress of its recall, the domain time it was taken at, and
/// what the devices of its running wave (<see cref="WaveRecord.IsRunning"/>) had reported by then; null without one.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.release-snapshot")]
public sealed record ReleaseSnapshot(
    [property: Id(0)] Release Release,
    [property: Id(1)] int Version,
    [property: Id(2)] RecallProgress? Recall,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] ReportedOutcomes? Reported = null);
