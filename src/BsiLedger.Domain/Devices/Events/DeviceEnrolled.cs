namespace BsiLedger.Domain.Devices.Events;

/// <summary>The device joined the ledger with its platform, model, base OS and installation settings.</summary>
[GenerateSerializer, Immutable, Alias("bsi.device-enrolled")]
public sealed record DeviceEnrolled(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] Platform Platform,
    [property: Id(2)] string Model,
    [property: Id(3)] OsVersion Os,
    [property: Id(4)] bool AutoInstall,
    [property: Id(5)] bool Managed,
    [property: Id(6)] MdmPolicy MdmPolicy,
    [property: Id(7)] DateTimeOffset At,
    [property: Id(8)] Cause Cause) : IDeviceEvent;
