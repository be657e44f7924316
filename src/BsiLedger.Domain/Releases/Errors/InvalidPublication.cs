namespace BsiLedger.Domain.Releases.Errors;

[GenerateSerializer, Immutable, Alias("bsi.error.invalid-publication")]
public sealed record InvalidPublication([property: Id(0)] ReleaseId Release, [property: Id(1)] string Problem)
    : DomainError($"{Release} cannot be published: {Problem}");
