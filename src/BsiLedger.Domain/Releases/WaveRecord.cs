namespace BsiLedger.Domain.Releases;

/// <summary>A wave that started: its counts when its offers had gone out, and when it was last tallied (at a halt or at its end).</summary>
[GenerateSerializer, Immutable, Alias("bsi.wave-record")]
public sealed record WaveRecord(
    [property: Id(0)] int Index,
    [property: Id(1)] double Share,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] WaveTally AtStart,
    [property: Id(4)] DateTimeOffset? CompletedAt,
    [property: Id(5)] WaveTally? LastTally,
    [property: Id(6)] bool Halted)
{
    public WaveTally Latest => LastTally ?? AtStart;
}
