using System.Collections.Concurrent;
using BsiLedger.EventStore.Journal;

namespace BsiLedger.Grains.Tests.ReleaseLine;

/// <summary>The journal, recording every read: which stream, after which version.</summary>
public sealed class ReadRecordingJournal(IEventJournal inner) : IEventJournal
{
    public ConcurrentQueue<(string StreamId, long AfterVersion)> Reads { get; } = new();

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(string streamId, long afterVersion, CancellationToken cancellationToken)
    {
        Reads.Enqueue((streamId, afterVersion));
        return inner.ReadAsync(streamId, afterVersion, cancellationToken);
    }

    public Task<StreamHead> AppendAsync(string streamId, StreamHead expected, IReadOnlyList<JournalEvent> events, CancellationToken cancellationToken) =>
        inner.AppendAsync(streamId, expected, events, cancellationToken);
}
