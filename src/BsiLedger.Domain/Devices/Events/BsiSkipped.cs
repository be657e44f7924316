using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Events;

/// <summary>The release's rollout reached the device and skipped it: its settings or its MDM policy say no background installs.</summary>
[GenerateSerializer, Immutable, Alias("bsi.bsi-skipped")]
public sealed record BsiSkipped(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] ReleaseId Release,
    [property: Id(2)] SkipReason Reason,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] Cause Cause) : IDeviceEvent;
