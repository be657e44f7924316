using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Commands;

/// <summary>A rollout offered the release and the device's settings turned it away.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.record-skip")]
public sealed record RecordSkip(
    string DeviceId,
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] SkipReason Reason,
    Cause Cause) : DeviceCommand(DeviceId, Cause);
