using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Commands;

/// <summary>The vendor's remote removal of a release under a recall.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.withdraw")]
public sealed record WithdrawBsi(
    string DeviceId,
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] string RecallId,
    Cause Cause) : DeviceCommand(DeviceId, Cause);
