namespace BsiLedger.Domain.Devices.Commands;

/// <summary>Join the ledger. A device id is enrolled once.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.enroll")]
public sealed record EnrollDevice(
    string DeviceId,
    [property: Id(0)] Platform Platform,
    [property: Id(1)] string Model,
    [property: Id(2)] OsVersion Os,
    [property: Id(3)] bool AutoInstall,
    [property: Id(4)] bool Managed,
    [property: Id(5)] MdmPolicy MdmPolicy,
    Cause Cause) : DeviceCommand(DeviceId, Cause);
