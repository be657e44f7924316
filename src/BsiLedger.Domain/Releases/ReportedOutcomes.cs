namespace BsiLedger.Domain.Releases;

/// <summary>
/// What the devices of a cohort range have reported about a release so far, as the ledger holds it: those that
/// staged it (applied or not), those that applied it, those whose install failed. Each device counts once, by its
/// latest report.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.reported-outcomes")]
public sealed record ReportedOutcomes(
    [property: Id(0)] int Installed,
    [property: Id(1)] int Applied,
    [property: Id(2)] int Failed)
{
    public static ReportedOutcomes None { get; } = new(0, 0, 0);

    public ReportedOutcomes Plus(ReportedOutcomes other) =>
        new(Installed + other.Installed, Applied + other.Applied, Failed + other.Failed);
}
