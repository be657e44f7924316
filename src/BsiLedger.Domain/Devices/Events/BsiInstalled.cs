using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Events;

/// <summary>The device downloaded and staged the release; it runs it only once applied.</summary>
[GenerateSerializer, Immutable, Alias("bsi.bsi-installed")]
public sealed record BsiInstalled(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] ReleaseId Release,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] Cause Cause) : IDeviceEvent;
