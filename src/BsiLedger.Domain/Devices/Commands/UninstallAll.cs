namespace BsiLedger.Domain.Devices.Commands;

/// <summary>The user's "remove all": every installed BSI goes, back to the last full update.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.uninstall-all")]
public sealed record UninstallAll(
    string DeviceId,
    Cause Cause) : DeviceCommand(DeviceId, Cause);
