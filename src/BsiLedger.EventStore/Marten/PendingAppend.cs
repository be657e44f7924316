using System.Diagnostics;
using BsiLedger.EventStore.Journal;

namespace BsiLedger.EventStore.Marten;

/// <summary>One grain's append waiting for its batch to be durable.</summary>
internal sealed class PendingAppend(string streamId, long expectedVersion, IReadOnlyList<JournalEvent> events, ActivityContext caller)
{
    private readonly TaskCompletionSource<long> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string StreamId { get; } = streamId;

    public long ExpectedVersion { get; } = expectedVersion;

    public IReadOnlyList<JournalEvent> Events { get; } = events;

    public ActivityContext Caller { get; } = caller;

    public long NewVersion => ExpectedVersion + Events.Count;

    public Task<long> Outcome => _outcome.Task;

    public void Committed() => _outcome.TrySetResult(NewVersion);

    public void Failed(Exception error) => _outcome.TrySetException(error);
}
