using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Journal;

namespace BsiLedger.Grains.Releases;

/// <summary>A release as its stream read so far: the state folded from it, to the version read, and when it was recalled.</summary>
internal sealed record ReadRelease(Release State, long Version, DateTimeOffset? RecallIssuedAt)
{
    public static ReadRelease None(ReleaseId release) => new(Release.Unpublished(release), 0, null);

    /// <summary>Folded further with the stream's next events, in order.</summary>
    public ReadRelease With(IReadOnlyList<StoredEvent> events) => new(
        events.Aggregate(State, (state, e) => state.Apply((IReleaseEvent)e.Data)),
        events[^1].Version,
        RecallIssuedAt ?? events.FirstOrDefault(e => e.Data is RecallIssued)?.StoredAt);
}
