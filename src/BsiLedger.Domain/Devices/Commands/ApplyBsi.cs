using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Commands;

/// <summary>The device reports that it activated the staged release.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.apply")]
public sealed record ApplyBsi(
    string DeviceId,
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] Activation Activation,
    Cause Cause) : DeviceCommand(DeviceId, Cause);
