using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Bench;

/// <summary>Each benchmarked device's life: enrol, stage one release, apply it. One event per step.</summary>
public static class DeviceScript
{
    public const int EventsPerDevice = 3;

    private const string Model = "iPhone18,1";

    private static readonly ReleaseId _release = ReleaseId.Parse("iOS 26.3.1 (a)");

    public static DeviceCommand[] Commands(string deviceId)
    {
        var cause = Cause.Device(deviceId);
        return
        [
            new EnrollDevice(deviceId, _release.Platform, Model, _release.Base, AutoInstall: true, Managed: false, MdmPolicy.None, cause),
            new InstallBsi(deviceId, _release, cause),
            new ApplyBsi(deviceId, _release, Activation.Restart, cause),
        ];
    }

    /// <summary>The events the grain would decide for <see cref="Commands"/>, for appending without it.</summary>
    public static IDeviceEvent[] Events(string deviceId, DateTimeOffset at)
    {
        var cause = Cause.Device(deviceId);
        return
        [
            new DeviceEnrolled(deviceId, _release.Platform, Model, _release.Base, AutoInstall: true, Managed: false, MdmPolicy.None, at, cause),
            new BsiInstalled(deviceId, _release, at, cause),
            new BsiApplied(deviceId, _release, Activation.Restart, at, cause),
        ];
    }
}
