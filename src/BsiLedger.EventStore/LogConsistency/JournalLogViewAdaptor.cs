using BsiLedger.EventStore.Journal;
using Orleans.EventSourcing;

namespace BsiLedger.EventStore.LogConsistency;

/// <summary>
/// Keeps a journaled grain's view in step with its stream through the <see cref="IEventJournal"/> seam.
/// Unlike Orleans' primary-based adaptors it never retries a write in the background: a write either
/// commits and is confirmed, or fails to the caller (conflict or store down) with nothing left pending,
/// and the view is re-read from the stream before the next decision. A write whose outcome is unknown is
/// therefore never sent twice, so it cannot double events.
/// </summary>
internal sealed class JournalLogViewAdaptor<TView>(
    ILogViewAdaptorHost<TView, JournalEvent> host,
    TView initialView,
    ILogConsistencyProtocolServices services,
    IEventJournal journal,
    string streamId) : ILogViewAdaptor<TView, JournalEvent>
    where TView : class, new()
{
    private readonly List<JournalEvent> _pending = [];
    private readonly TView _confirmed = initialView;
    private TView? _tentative;
    private int _confirmedVersion;
    private bool _stale = true;

    public TView TentativeView => _tentative ?? _confirmed;

    public TView ConfirmedView => _confirmed;

    public int ConfirmedVersion => _confirmedVersion;

    public IEnumerable<JournalEvent> UnconfirmedSuffix => _pending;

    public Task PreOnActivate() => Task.CompletedTask;

    // JournaledGrain.OnActivateAsync calls Synchronize right after this, which reads the stream once.
    public Task PostOnActivate() => Task.CompletedTask;

    public Task PostOnDeactivate() => Task.CompletedTask;

    public void Submit(JournalEvent logEntry)
    {
        _tentative ??= services.DeepCopy(_confirmed);
        _pending.Add(logEntry);
        host.UpdateView(_tentative, logEntry);
        host.OnViewChanged(tentative: true, confirmed: false);
    }

    public void SubmitRange(IEnumerable<JournalEvent> logEntries)
    {
        foreach (var entry in logEntries)
        {
            Submit(entry);
        }
    }

    public Task<bool> TryAppend(JournalEvent logEntry) => TryAppendRange([logEntry]);

    public async Task<bool> TryAppendRange(IEnumerable<JournalEvent> logEntries)
    {
        await ConfirmSubmittedEntries();
        var entries = logEntries.ToArray();
        var versionBefore = _confirmedVersion;
        if (_stale)
        {
            await CatchUpAsync();
            if (_confirmedVersion != versionBefore)
            {
                return false;
            }
        }

        try
        {
            await WriteAsync(entries);
            return true;
        }
        catch (StreamConflictException)
        {
            await CatchUpAsync();
            return false;
        }
    }

    public async Task ConfirmSubmittedEntries()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var entries = _pending.ToArray();
        _pending.Clear();
        _tentative = null;
        try
        {
            await WriteAsync(entries);
        }
        catch (StreamConflictException)
        {
            await CatchUpAsync();
            throw;
        }
    }

    public async Task Synchronize()
    {
        await ConfirmSubmittedEntries();
        await CatchUpAsync();
    }

    public async Task<IReadOnlyList<JournalEvent>> RetrieveLogSegment(int fromVersion, int length)
    {
        var events = await journal.ReadAsync(streamId, fromVersion, CancellationToken.None);
        return events.Take(length).Select(e => e.ToJournalEvent()).ToArray();
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

    private async Task WriteAsync(JournalEvent[] entries)
    {
        try
        {
            await journal.AppendAsync(streamId, _confirmedVersion, entries, CancellationToken.None);
        }
        catch
        {
            // Conflict or unknown outcome: the stream is the truth, re-read it before deciding again.
            _stale = true;
            host.OnViewChanged(tentative: true, confirmed: false);
            throw;
        }

        foreach (var entry in entries)
        {
            host.UpdateView(_confirmed, entry);
        }

        _confirmedVersion += entries.Length;
        host.OnViewChanged(tentative: false, confirmed: true);
    }

    private async Task CatchUpAsync()
    {
        var events = await journal.ReadAsync(streamId, _confirmedVersion, CancellationToken.None);
        foreach (var stored in events)
        {
            host.UpdateView(_confirmed, stored.ToJournalEvent());
            _confirmedVersion = (int)stored.Version;
        }

        _stale = false;
        if (events.Count > 0)
        {
            host.OnViewChanged(tentative: true, confirmed: true);
        }
    }
}
