using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Errors;

namespace BsiLedger.Domain.Devices;

/// <summary>
/// The device rule that looks past the device: staging, failing to stage or applying a release is a fact only about a
/// published release that was never recalled. The device's own rules speak first (<see cref="DeviceDecider"/>); this
/// one is checked against the release's stream, by the ledger, when the events are stored.
/// </summary>
public static class ReleaseGate
{
    /// <summary>The release a report is about when the report needs it published and not recalled; null otherwise.</summary>
    public static ReleaseId? Of(DeviceCommand command) => command switch
    {
        InstallBsi c => c.Release,
        ReportInstallFailure c => c.Release,
        ApplyBsi c => c.Release,
        _ => null,
    };

    /// <summary>The release an event may be stored for only while it is published and not recalled; null otherwise.</summary>
    public static ReleaseId? Of(IDeviceEvent e) => e switch
    {
        BsiInstalled i => i.Release,
        BsiInstallFailed f => f.Release,
        BsiApplied a => a.Release,
        _ => null,
    };

    /// <summary>Why a device may not report on <paramref name="release"/> in <paramref name="status"/>; null when it may.</summary>
    public static DomainError? Refusal(string deviceId, ReleaseId release, ReleaseStatus status) => status switch
    {
        ReleaseStatus.NotPublished => new ReleaseNotPublished(release),
        ReleaseStatus.Recalled => new ReleaseRecalled(deviceId, release),
        _ => null,
    };
}
