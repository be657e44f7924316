using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.base-version-mismatch")]
public sealed record BsiBaseVersionMismatch([property: Id(0)] string DeviceId, [property: Id(1)] OsVersion DeviceOs, [property: Id(2)] ReleaseId Release)
    : DomainError($"{Release} is built for base version {Release.Base}, but device '{DeviceId}' runs {Release.Platform} {DeviceOs}: a BSI installs only on its exact base version");
