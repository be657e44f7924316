namespace BsiLedger.Domain.Devices.Commands;

/// <summary>Change automatic installation or management; a setting left null stays as it is.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.change-settings")]
public sealed record ChangeSettings(
    string DeviceId,
    [property: Id(0)] bool? AutoInstall,
    [property: Id(1)] bool? Managed,
    [property: Id(2)] MdmPolicy? MdmPolicy,
    Cause Cause) : DeviceCommand(DeviceId, Cause);
