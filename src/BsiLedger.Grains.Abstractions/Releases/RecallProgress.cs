namespace BsiLedger.Grains.Releases;

/// <summary>An open recall as its last fan-out found it: devices exposed, withdrawn so far, still holding the release.</summary>
[GenerateSerializer, Immutable, Alias("bsi.recall-progress")]
public sealed record RecallProgress([property: Id(0)] int Exposed, [property: Id(1)] int Withdrawn, [property: Id(2)] int Pending);
