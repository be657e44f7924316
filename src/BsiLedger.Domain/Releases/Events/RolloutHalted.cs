namespace BsiLedger.Domain.Releases.Events;

/// <summary>
/// The wave's failure rate over at least the plan's minimum sample crossed its threshold: no new offers until an
/// operator resumes. <see cref="Offered"/> and <see cref="NotOffered"/> are the wave's slice as the halt found it
/// (a paced wave may halt before all of it was offered).
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.rollout-halted")]
public sealed record RolloutHalted(
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] int Wave,
    [property: Id(2)] int Attempts,
    [property: Id(3)] int Failures,
    [property: Id(4)] double FailureRate,
    [property: Id(5)] double Threshold,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] Cause Cause,
    [property: Id(8)] WaveTally Tally,
    [property: Id(9)] int? Offered = null,
    [property: Id(10)] int? NotOffered = null) : IReleaseEvent;
