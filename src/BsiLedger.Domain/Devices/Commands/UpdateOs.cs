namespace BsiLedger.Domain.Devices.Commands;

/// <summary>A full OS update to a new base version.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.update-os")]
public sealed record UpdateOs(
    string DeviceId,
    [property: Id(0)] OsVersion To,
    Cause Cause) : DeviceCommand(DeviceId, Cause);
