using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Events;

/// <summary>The vendor withdrew the release from this device under a recall.</summary>
[GenerateSerializer, Immutable, Alias("bsi.bsi-withdrawn")]
public sealed record BsiWithdrawn(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] ReleaseId Release,
    [property: Id(2)] string RecallId,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] Cause Cause) : IDeviceEvent;
