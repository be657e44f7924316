namespace BsiLedger.Domain.Releases.Events;

/// <summary>
/// A wave began: its offers went out to its slice of the eligible fleet and the counts are as they stood then; or,
/// for a paced wave, its slice of <see cref="Slice"/> devices will be offered at its pace (<see cref="WaveOffersSent"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.wave-started")]
public sealed record WaveStarted(
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] int Wave,
    [property: Id(2)] double Share,
    [property: Id(3)] WaveTally Tally,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] Cause Cause,
    [property: Id(6)] int? Slice = null) : IReleaseEvent;
