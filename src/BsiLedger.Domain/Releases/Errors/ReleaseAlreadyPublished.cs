namespace BsiLedger.Domain.Releases.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.release-already-published")]
public sealed record ReleaseAlreadyPublished([property: Id(0)] ReleaseId Release)
    : DomainError($"{Release} is already published with different contents: a published release is immutable; publish a later letter instead");
