namespace BsiLedger.EventStore.ReadModels;

/// <summary>A release's adoption events in the hour of domain time that starts at <see cref="Hour"/>.</summary>
public sealed class AdoptionHour
{
    public DateTimeOffset Hour { get; set; }

    public AdoptionCounts Counts { get; set; } = new();
}
