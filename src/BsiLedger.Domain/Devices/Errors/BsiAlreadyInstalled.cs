using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.bsi-already-installed")]
public sealed record BsiAlreadyInstalled([property: Id(0)] string DeviceId, [property: Id(1)] ReleaseId Release)
    : DomainError($"device '{DeviceId}' already installed {Release}: an install that succeeded cannot be reported as failed");
