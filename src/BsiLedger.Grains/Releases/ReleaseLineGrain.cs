using System.Collections.Immutable;
using System.Diagnostics;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.Journal;

namespace BsiLedger.Grains.Releases;

/// <summary>
/// Built from the release streams themselves (never by calling release grains, which call it), kept current by the
/// release grains of its own process, and set again from the ledger when last read over a second ago, so a release
/// published or recalled by another process is known here within about a second; each such read asks a release's
/// stream only for the events after those it has already folded. What a device may stage is not
/// decided here: the ledger refuses a report on a recalled release (decision 0011). This is what a checking-in device is
/// offered and must give back.
/// </summary>
public sealed class ReleaseLineGrain(ILedgerIndex index, IEventJournal journal) : Grain, IReleaseLineGrain
{
    private static readonly TimeSpan ReadAgainAfter = TimeSpan.FromSeconds(1);

    private readonly Dictionary<ReleaseId, ReadRelease> _read = [];

    private ImmutableDictionary<ReleaseId, ReleaseSummary> _releases = ImmutableDictionary<ReleaseId, ReleaseSummary>.Empty;

    // Every report a device makes about a release asks for these: built once per change, not per call.
    private ImmutableArray<ReleaseSummary> _listed = [];

    private long _readAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => ReadLedgerAsync(cancellationToken);

    public async Task<ImmutableArray<ReleaseSummary>> Releases()
    {
        if (Stopwatch.GetElapsedTime(_readAt) > ReadAgainAfter)
        {
            await ReadLedgerAsync(CancellationToken.None);
        }

        return _listed;
    }

    public Task Update(ReleaseSummary summary)
    {
        Set(summary);
        return Task.CompletedTask;
    }

    // Every release is set again from what its stream says, changed or not: a summary a release grain of this process
    // pushed can be older than the ledger (another process appended in between), and the ledger's word wins.
    private async Task ReadLedgerAsync(CancellationToken cancellationToken)
    {
        _readAt = Stopwatch.GetTimestamp();
        var releases = _releases.ToBuilder();
        foreach (var id in await index.ReleasesAsync(this.GetPrimaryKeyString(), cancellationToken))
        {
            var release = ReleaseId.Parse(id);
            var read = _read.GetValueOrDefault(release) ?? ReadRelease.None(release);
            var events = await journal.ReadAsync(id, read.Version, cancellationToken);
            if (events.Count > 0)
            {
                read = read.With(events);
                _read[release] = read;
            }

            releases[release] = ReleaseSummary.Of(read.State, read.RecallIssuedAt);
        }

        _releases = releases.ToImmutable();
        _listed = [.. _releases.Values];
    }

    private void Set(ReleaseSummary summary)
    {
        _releases = _releases.SetItem(summary.Id, summary);
        _listed = [.. _releases.Values];
    }
}
