namespace BsiLedger.Domain.Devices.Events;

/// <summary>The user turned automatic BSI installation on or off.</summary>
[GenerateSerializer, Immutable, Alias("bsi.auto-install-changed")]
public sealed record AutoInstallChanged(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] bool AutoInstall,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] Cause Cause) : IDeviceEvent;
