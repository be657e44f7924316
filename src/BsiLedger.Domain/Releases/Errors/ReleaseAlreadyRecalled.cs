namespace BsiLedger.Domain.Releases.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.release-already-recalled")]
public sealed record ReleaseAlreadyRecalled([property: Id(0)] ReleaseId Release, [property: Id(1)] string RecallId)
    : DomainError($"{Release} was recalled (recall {RecallId}): a recalled release is never rolled out or recalled again; publish a later letter");
