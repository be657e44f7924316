using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Commands;

/// <summary>The device reports that installing a release failed.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.report-install-failure")]
public sealed record ReportInstallFailure(
    string DeviceId,
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] string Reason,
    Cause Cause) : DeviceCommand(DeviceId, Cause);
