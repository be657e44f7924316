using System.Diagnostics;
using BsiLedger.EventStore.Journal;

namespace BsiLedger.EventStore.Marten;

/// <summary>One stream read waiting for its batch's round trip.</summary>
internal sealed class PendingRead(string streamId, long afterVersion, ActivityContext caller)
{
    private readonly TaskCompletionSource<IReadOnlyList<StoredEvent>> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string StreamId { get; } = streamId;

    public long AfterVersion { get; } = afterVersion;

    public ActivityContext Caller { get; } = caller;

    public Task<IReadOnlyList<StoredEvent>> Outcome => _outcome.Task;

    public void Read(IReadOnlyList<StoredEvent> events) => _outcome.TrySetResult(events);

    public void Failed(Exception error) => _outcome.TrySetException(error);
}
