using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.bsi-not-staged")]
public sealed record BsiNotStaged([property: Id(0)] string DeviceId, [property: Id(1)] ReleaseId Release, [property: Id(2)] ReleaseId? Staged)
    : DomainError(Staged is { } staged
        ? $"device '{DeviceId}' has {staged} staged, not {Release}: apply the release that is staged"
        : $"device '{DeviceId}' has not installed {Release}: a BSI is applied only after it installs");
