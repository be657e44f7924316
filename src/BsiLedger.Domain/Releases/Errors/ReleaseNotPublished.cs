namespace BsiLedger.Domain.Releases.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.release-not-published")]
public sealed record ReleaseNotPublished([property: Id(0)] ReleaseId Release)
    : DomainError($"{Release} has not been published: publish it first (bsi release publish)");
