namespace BsiLedger.EventStore.ReadModels;

/// <summary>
/// What became of one release across the fleet: how many devices applied it, failed to install it, were skipped by
/// its rollout or had it withdrawn, in all and per hour of domain time.
/// </summary>
public sealed class ReleaseAdoption
{
    /// <summary>The release id, e.g. <c>iOS 26.3.1 (a)</c>.</summary>
    public string Id { get; set; } = "";

    public AdoptionCounts Total { get; set; } = new();

    /// <summary>One entry per hour of domain time in which something happened, in order.</summary>
    public List<AdoptionHour> Hours { get; set; } = [];
}
