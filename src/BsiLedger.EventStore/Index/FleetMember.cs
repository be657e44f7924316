namespace BsiLedger.EventStore.Index;

/// <summary>
/// One enrolled device in the fleet registry: its product line and its partition bucket. Written by an inline
/// projection in the same transaction as the device's events, so the registry never disagrees with the ledger.
/// </summary>
public sealed class FleetMember
{
    public string Id { get; set; } = "";

    public string Platform { get; set; } = "";

    public string Line { get; set; } = "";

    public int Bucket { get; set; }
}
