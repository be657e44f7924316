namespace BsiLedger.Domain.Releases;

/// <summary>
/// One wave: the cumulative share of the eligible fleet offered the release once it starts, how long it
/// soaks (domain time) before the next wave, and the failure rate that halts the rollout.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.wave-plan")]
public sealed record WavePlan(
    [property: Id(0)] double Share,
    [property: Id(1)] TimeSpan Soak,
    [property: Id(2)] double FailureThreshold);
