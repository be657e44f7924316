using BsiLedger.EventStore.Journal;
using Orleans.EventSourcing;

namespace BsiLedger.EventStore.LogConsistency;

/// <summary>
/// Keeps a journaled grain's view in step with its stream through the <see cref="IEventJournal"/> seam.
/// Unlike Orleans' primary-based adaptors it never retries a write in the background: an append is
/// conditional on the version the grain decided against, and either commits or fails to the caller
/// (conflict or store down). After any failure the view is re-read from the stream before the next
/// append, so a write whose outcome is unknown is never sent twice and cannot double events.
/// Only conditional appends are supported (<c>RaiseConditionalEvents</c>): an unconditional,
/// confirmed-eventually event would be decided without knowing the stream's version.
/// </summary>
internal sealed class JournalLogViewAdaptor<TView>(
    ILogViewAdaptorHost<TView, JournalEvent> host,
    TView initialView,
    IEventJournal journal,
    string streamId) : ILogViewAdaptor<TView, JournalEvent>
    where TView : class, new()
{
    private readonly TView _confirmed = initialView;
    private StreamHead _head;
    private bool _stale = true;

    public TView TentativeView => _confirmed;

    public TView ConfirmedView => _confirmed;

    public int ConfirmedVersion => (int)_head.Version;

    public IEnumerable<JournalEvent> UnconfirmedSuffix => [];

    public Task PreOnActivate() => Task.CompletedTask;

    // JournaledGrain.OnActivateAsync calls Synchronize right after this, which reads the stream once.
    public Task PostOnActivate() => Task.CompletedTask;

    public Task PostOnDeactivate() => Task.CompletedTask;

    public void Submit(JournalEvent logEntry) => throw UnconditionalNotSupported();

    public void SubmitRange(IEnumerable<JournalEvent> logEntries) => throw UnconditionalNotSupported();

    public Task<bool> TryAppend(JournalEvent logEntry) => TryAppendRange([logEntry]);

    public async Task<bool> TryAppendRange(IEnumerable<JournalEvent> logEntries)
    {
        var entries = logEntries.ToArray();
        var decidedAt = _head.Version;
        if (_stale)
        {
            await CatchUpAsync();
            if (_head.Version != decidedAt)
            {
                return false;
            }
        }

        StreamHead appended;
        try
        {
            appended = await journal.AppendAsync(streamId, _head, entries, CancellationToken.None);
        }
        catch (StreamConflictException)
        {
            await CatchUpAsync();
            return false;
        }
        catch (ReleaseRecalledException)
        {
            // A definite refusal: nothing was written, and the view is as current as it was.
            throw;
        }
        catch
        {
            // Unknown outcome: the stream is the truth, re-read it before the next append.
            _stale = true;
            throw;
        }

        foreach (var entry in entries)
        {
            host.UpdateView(_confirmed, entry);
        }

        _head = appended;
        host.OnViewChanged(tentative: false, confirmed: true);
        return true;
    }

    public Task ConfirmSubmittedEntries() => Task.CompletedTask;

    public Task Synchronize() => CatchUpAsync();

    public async Task<IReadOnlyList<JournalEvent>> RetrieveLogSegment(int fromVersion, int toVersion)
    {
        var events = await journal.ReadAsync(streamId, fromVersion, CancellationToken.None);
        return events.Take(toVersion - fromVersion).Select(e => e.ToJournalEvent()).ToArray();
    }

    public Task ClearLogAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("a ledger stream is never edited or deleted");

    public void EnableStatsCollection()
    {
    }

    public void DisableStatsCollection()
    {
    }

    public LogConsistencyStatistics GetStats() => new();

    private static NotSupportedException UnconditionalNotSupported() =>
        new("the ledger appends only conditionally on the version decided against: use RaiseConditionalEvents");

    private async Task CatchUpAsync()
    {
        var events = await journal.ReadAsync(streamId, _head.Version, CancellationToken.None);
        foreach (var stored in events)
        {
            host.UpdateView(_confirmed, stored.ToJournalEvent());
            _head = StreamHead.Of(stored);
        }

        _stale = false;
        if (events.Count > 0)
        {
            host.OnViewChanged(tentative: true, confirmed: true);
        }
    }
}
