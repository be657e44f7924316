using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Events;

/// <summary>A full OS update moved the device to a new base version and absorbed every BSI of the old one.</summary>
[GenerateSerializer, Immutable, Alias("bsi.os-updated")]
public sealed record OsUpdated(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] OsVersion From,
    [property: Id(2)] OsVersion To,
    [property: Id(3)] IReadOnlyList<ReleaseId> Cleared,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] Cause Cause) : IDeviceEvent;
