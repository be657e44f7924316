using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Grains.Releases;

/// <summary>
/// What a device of the release's line needs to know about it: how it activates, how much of the fleet it is offered
/// to, whether it was recalled and when (wall time, as stored with the RecallIssued event; for telemetry only).
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.release-summary")]
public sealed record ReleaseSummary(
    [property: Id(0)] ReleaseId Id,
    [property: Id(1)] Activation Activation,
    [property: Id(2)] double OfferedShare,
    [property: Id(3)] string? RecallId,
    [property: Id(4)] DateTimeOffset? RecallIssuedAt)
{
    public static ReleaseSummary Of(Release release, DateTimeOffset? recallIssuedAt) =>
        new(release.Id, release.Activation, release.OfferedShare, release.Recall?.RecallId, recallIssuedAt);
}
