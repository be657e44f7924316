namespace BsiLedger.EventStore.ReadModels;

/// <summary>
/// A device as its latest event leaves it, one document per device: what <c>bsi device show</c> would say, without
/// a grain. Written inline, in the same transaction as the device's events, so it is never behind the ledger.
/// </summary>
public sealed class DeviceState
{
    public string Id { get; set; } = "";

    public string Platform { get; set; } = "";

    public string Model { get; set; } = "";

    /// <summary>The base OS version: the last full update.</summary>
    public string Os { get; set; } = "";

    public string? Applied { get; set; }

    public string? Staged { get; set; }

    public bool AutoInstall { get; set; }

    public bool Managed { get; set; }

    public string MdmPolicy { get; set; } = "";

    /// <summary>The stream version of the last event folded in.</summary>
    public long Version { get; set; }
}
