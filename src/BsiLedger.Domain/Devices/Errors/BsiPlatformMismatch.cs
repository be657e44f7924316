using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.platform-mismatch")]
public sealed record BsiPlatformMismatch([property: Id(0)] string DeviceId, [property: Id(1)] Platform DevicePlatform, [property: Id(2)] ReleaseId Release)
    : DomainError($"{Release} is built for {Release.Platform}, but device '{DeviceId}' runs {DevicePlatform}: a BSI installs only on its own platform");
