using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Commands;

/// <summary>The device reports that it downloaded and staged a release.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.install")]
public sealed record InstallBsi(
    string DeviceId,
    [property: Id(0)] ReleaseId Release,
    Cause Cause) : DeviceCommand(DeviceId, Cause);
