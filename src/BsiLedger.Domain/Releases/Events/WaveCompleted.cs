namespace BsiLedger.Domain.Releases.Events;

/// <summary>A wave's soak ended without a halt; the counts are its slice's at the end.</summary>
[GenerateSerializer, Immutable, Alias("bsi.wave-completed")]
public sealed record WaveCompleted(
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] int Wave,
    [property: Id(2)] WaveTally Tally,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] Cause Cause) : IReleaseEvent;
