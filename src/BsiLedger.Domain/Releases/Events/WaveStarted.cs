namespace BsiLedger.Domain.Releases.Events;

/// <summary>A wave's offers went out to its slice of the eligible fleet; the counts are as they stood then.</summary>
[GenerateSerializer, Immutable, Alias("bsi.wave-started")]
public sealed record WaveStarted(
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] int Wave,
    [property: Id(2)] double Share,
    [property: Id(3)] WaveTally Tally,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] Cause Cause) : IReleaseEvent;
