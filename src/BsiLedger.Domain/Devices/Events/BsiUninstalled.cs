using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Events;

/// <summary>The user removed every installed BSI; the device is back to its last full update.</summary>
[GenerateSerializer, Immutable, Alias("bsi.bsi-uninstalled")]
public sealed record BsiUninstalled(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] IReadOnlyList<ReleaseId> Removed,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] Cause Cause) : IDeviceEvent;
