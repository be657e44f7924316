using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.release-recalled")]
public sealed record ReleaseRecalled([property: Id(0)] string DeviceId, [property: Id(1)] ReleaseId Release)
    : DomainError($"{Release} was withdrawn from device '{DeviceId}' by a recall: a recalled release never installs again; install a later letter");
