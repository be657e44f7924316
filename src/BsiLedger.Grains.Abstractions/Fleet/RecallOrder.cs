using BsiLedger.Domain;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Grains.Fleet;

/// <summary>
/// Withdraw the release from every device that has it, under the recall named; the cause is who recalled it.
/// <paramref name="OfferedShare"/> is how far the rollout had gone: the devices under it are where the release
/// almost always is, so they are visited first. <paramref name="IssuedAt"/> is the recall's wall-clock time, for
/// measuring how long it took to reach each device (null when not known).
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.recall-order")]
public sealed record RecallOrder(
    [property: Id(0)] ReleaseId Release,
    [property: Id(1)] string RecallId,
    [property: Id(2)] Cause Cause,
    [property: Id(3)] Provenance Provenance,
    [property: Id(4)] double OfferedShare,
    [property: Id(5)] DateTimeOffset? IssuedAt);
