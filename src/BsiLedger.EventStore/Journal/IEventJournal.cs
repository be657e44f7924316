namespace BsiLedger.EventStore.Journal;

/// <summary>
/// The one seam between the grains and the event store: every append and every stream read goes
/// through it, so batching, retries and tracing change here and nowhere else.
/// </summary>
public interface IEventJournal
{
    /// <summary>The stream's events after <paramref name="afterVersion"/>, in order; empty for an unknown stream.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(string streamId, long afterVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the events if and only if the stream is at <paramref name="expected"/>'s version
    /// (<see cref="StreamHead.Empty"/> for a new stream), each chained to the one before it from
    /// <paramref name="expected"/>'s hash. Returns the stream's new head.
    /// </summary>
    /// <exception cref="StreamConflictException">Another writer appended first; nothing was written.</exception>
    /// <exception cref="JournalUnavailableException">The store could not be reached or failed.</exception>
    Task<StreamHead> AppendAsync(string streamId, StreamHead expected, IReadOnlyList<JournalEvent> events, CancellationToken cancellationToken);
}
