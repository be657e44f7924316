using BsiLedger.Domain.Releases.Pacing;

namespace BsiLedger.Domain.Releases.Events;

/// <summary>A paced wave's next offers went out: what they found, and the wave's pacing progress after them.</summary>
[GenerateSerializer, Immutable, Alias("bsi.wave-offers-sent")]
public sealed record WaveOffersSent(
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] int Wave,
    [property: Id(2)] WaveTally Tally,
    [property: Id(3)] PacingProgress Progress,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] Cause Cause) : IReleaseEvent;
