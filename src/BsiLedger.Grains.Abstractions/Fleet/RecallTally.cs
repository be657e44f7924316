namespace BsiLedger.Grains.Fleet;

/// <summary>Exposed devices of a recall so far: those it withdrew the release from, and those still holding it.</summary>
[GenerateSerializer, Immutable, Alias("bsi.recall-tally")]
public sealed record RecallTally([property: Id(0)] int Withdrawn, [property: Id(1)] int Pending)
{
    public static RecallTally None { get; } = new(0, 0);

    public RecallTally Plus(RecallTally other) => new(Withdrawn + other.Withdrawn, Pending + other.Pending);
}
