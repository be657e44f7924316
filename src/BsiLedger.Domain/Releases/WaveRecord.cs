using BsiLedger.Domain.Releases.Pacing;

namespace BsiLedger.Domain.Releases;

/// <summary>
/// A wave that started: its counts as its offers went out (<see cref="AtStart"/>; a paced wave's grow with each
/// batch), and when it was last tallied (at a halt or at its end). A paced wave also has its slice's size when it
/// started and its <see cref="Pacing"/> progress.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.wave-record")]
public sealed record WaveRecord(
    [property: Id(0)] int Index,
    [property: Id(1)] double Share,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] WaveTally AtStart,
    [property: Id(4)] DateTimeOffset? CompletedAt,
    [property: Id(5)] WaveTally? LastTally,
    [property: Id(6)] bool Halted,
    [property: Id(7)] int? Slice = null,
    [property: Id(8)] PacingProgress? Pacing = null)
{
    public WaveTally Latest => LastTally ?? AtStart;

    /// <summary>Started and neither completed nor halted: its devices are still reporting on what its offers found.</summary>
    public bool IsRunning => CompletedAt is null && !Halted;

    /// <summary>
    /// The wave's counts for a reader: while it runs, its offers' tally with what its devices have
    /// <paramref name="reported"/> so far (the figures the halt rule weighs); once it completed or halted, or with no
    /// count at hand, its <see cref="Latest"/> tally.
    /// </summary>
    public WaveTally TallyWith(ReportedOutcomes? reported) => IsRunning && reported is { } counted ? AtStart.With(counted) : Latest;

    /// <summary>
    /// The cumulative share offered once <paramref name="offered"/> devices of a paced wave's slice have been: its
    /// offers take the slice in cohort order, so the first devices of a 10% wave are those a 1% wave would have had.
    /// </summary>
    public double ShareAt(double shareBefore, int offered) =>
        Slice is { } slice && offered < slice ? shareBefore + (Share - shareBefore) * offered / slice : Share;

    /// <summary>Devices of a paced wave's slice not offered yet; 0 for a wave offered all at once.</summary>
    public int NotOffered => Slice is { } slice && Pacing is { } pacing ? Math.Max(0, slice - pacing.Offered) : 0;
}
