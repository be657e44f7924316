using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.older-letter-refused")]
public sealed record OlderLetterRefused([property: Id(0)] string DeviceId, [property: Id(1)] ReleaseId Release, [property: Id(2)] ReleaseId Newer)
    : DomainError($"device '{DeviceId}' already has {Newer}, which supersedes {Release}: an older letter never installs over a newer one");
