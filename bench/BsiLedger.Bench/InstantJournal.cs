using BsiLedger.EventStore.Journal;

namespace BsiLedger.Bench;

/// <summary>
/// A measuring instrument, never a store: every stream reads as empty and every append is acknowledged at once,
/// unhashed and unwritten. Driving the grain path over it measures what each event costs before the journal: the
/// share of a batched event's time that no batching of appends can take away.
/// </summary>
public sealed class InstantJournal : IEventJournal
{
    public Task<IReadOnlyList<StoredEvent>> ReadAsync(string streamId, long afterVersion, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredEvent>>([]);

    public Task<StreamHead> AppendAsync(string streamId, StreamHead expected, IReadOnlyList<JournalEvent> events, CancellationToken cancellationToken) =>
        Task.FromResult(expected with { Version = expected.Version + events.Count });
}
