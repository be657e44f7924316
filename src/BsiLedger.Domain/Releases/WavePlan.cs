using BsiLedger.Domain.Releases.Pacing;

namespace BsiLedger.Domain.Releases;

/// <summary>
/// One wave: the cumulative share of the eligible fleet offered the release (all at once when the wave starts, or
/// at the pace of <see cref="Pacing"/>), how long it soaks (domain time, from its start) before the next wave, and
/// the failure rate that halts the rollout.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.wave-plan")]
public sealed record WavePlan(
    [property: Id(0)] double Share,
    [property: Id(1)] TimeSpan Soak,
    [property: Id(2)] double FailureThreshold,
    [property: Id(3)] WavePacing? Pacing = null);
