using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Events;

/// <summary>Installing the release failed on the device; the device's BSI state did not change.</summary>
[GenerateSerializer, Immutable, Alias("bsi.bsi-install-failed")]
public sealed record BsiInstallFailed(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] ReleaseId Release,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] Cause Cause) : IDeviceEvent;
