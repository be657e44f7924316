namespace BsiLedger.EventStore.ReadModels;

/// <summary>Events of one release counted by kind: <c>BsiApplied</c>, <c>BsiInstallFailed</c>, <c>BsiSkipped</c>, <c>BsiWithdrawn</c>.</summary>
public sealed class AdoptionCounts
{
    public long Applied { get; set; }

    public long Failed { get; set; }

    public long Skipped { get; set; }

    public long Withdrawn { get; set; }
}
