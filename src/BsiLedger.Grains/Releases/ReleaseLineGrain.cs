using System.Collections.Immutable;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.Journal;

namespace BsiLedger.Grains.Releases;

/// <summary>
/// Built on activation from the release streams themselves (never by calling release grains, which call it),
/// then kept current by the release grains' updates.
/// </summary>
public sealed class ReleaseLineGrain(ILedgerIndex index, IEventJournal journal) : Grain, IReleaseLineGrain
{
    private ImmutableDictionary<ReleaseId, ReleaseSummary> _releases = ImmutableDictionary<ReleaseId, ReleaseSummary>.Empty;

    // Every report a device makes about a release asks for these: built once per change, not per call.
    private ImmutableArray<ReleaseSummary> _listed = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await index.ReleasesAsync(this.GetPrimaryKeyString(), cancellationToken))
        {
            var release = ReleaseId.Parse(id);
            var events = await journal.ReadAsync(id, 0, cancellationToken);
            var state = events.Aggregate(Release.Unpublished(release), (s, e) => s.Apply((IReleaseEvent)e.Data));
            var recallIssuedAt = events.FirstOrDefault(e => e.Data is RecallIssued)?.StoredAt;
            Set(ReleaseSummary.Of(state, recallIssuedAt));
        }
    }

    public Task<ImmutableArray<ReleaseSummary>> Releases() => Task.FromResult(_listed);

    public Task Update(ReleaseSummary summary)
    {
        Set(summary);
        return Task.CompletedTask;
    }

    private void Set(ReleaseSummary summary)
    {
        _releases = _releases.SetItem(summary.Id, summary);
        _listed = [.. _releases.Values];
    }
}
