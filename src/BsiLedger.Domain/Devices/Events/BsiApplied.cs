using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Events;

/// <summary>The staged release was activated, by a restart or a Safari relaunch, and superseded any earlier letter.</summary>
[GenerateSerializer, Immutable, Alias("bsi.bsi-applied")]
public sealed record BsiApplied(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] ReleaseId Release,
    [property: Id(2)] Activation Activation,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] Cause Cause) : IDeviceEvent;
