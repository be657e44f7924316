using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;

namespace BsiLedger.Bench;

/// <summary>Each benchmarked device's life: enrol, stage one release, apply it. One event per step.</summary>
public static class DeviceScript
{
    public const int EventsPerDevice = 3;

    private const string Model = "iPhone18,1";

    private static readonly ReleaseId Release = ReleaseId.Parse("iOS 26.3.1 (a)");

    /// <summary>Devices report published releases only: each host publishes the script's first (a no-op once published).</summary>
    public static PublishRelease Publication =>
        new(Release, ["WebKit"], [], Activation.Restart, Supersedes: null, Cause.Operator("bench"));

    public static DeviceCommand[] Commands(string deviceId)
    {
        var cause = Cause.Device(deviceId);
        return
        [
            new EnrollDevice(deviceId, Release.Platform, Model, Release.Base, AutoInstall: true, Managed: false, MdmPolicy.None, cause),
            new InstallBsi(deviceId, Release, cause),
            new ApplyBsi(deviceId, Release, Activation.Restart, cause),
        ];
    }
}
