using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;

namespace BsiLedger.Grains.Tests;

/// <summary>
/// The worst case for a writer: the append commits, then the connection drops before the answer
/// arrives. Fails that way once for each stream named in <see cref="FailAfterCommit"/>.
/// </summary>
public sealed class CommitThenFailJournal(MartenEventJournal inner) : IEventJournal, IAsyncDisposable
{
    public HashSet<string> FailAfterCommit { get; } = [];

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(string streamId, long afterVersion, CancellationToken cancellationToken) =>
        inner.ReadAsync(streamId, afterVersion, cancellationToken);

    public async Task<StreamHead> AppendAsync(string streamId, StreamHead expected, IReadOnlyList<JournalEvent> events, CancellationToken cancellationToken)
    {
        var head = await inner.AppendAsync(streamId, expected, events, cancellationToken);
        lock (FailAfterCommit)
        {
            if (FailAfterCommit.Remove(streamId))
            {
                throw new JournalUnavailableException("connection lost after commit", new IOException("simulated"));
            }
        }

        return head;
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
