using System.Collections.Immutable;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Grains.Devices;

/// <summary>
/// What a device took when it checked in: the recalled releases withdrawn from it, and the newest release its
/// cohort is offered with where that offer stands (null when nothing was owed).
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.check-in-report")]
public sealed record CheckInReport(
    [property: Id(0)] ImmutableArray<ReleaseId> Withdrawn,
    [property: Id(1)] ReleaseId? Offered,
    [property: Id(2)] OfferOutcome? Outcome,
    [property: Id(3)] int Version);
