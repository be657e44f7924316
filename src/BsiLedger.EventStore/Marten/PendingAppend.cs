using System.Diagnostics;
using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Telemetry;

namespace BsiLedger.EventStore.Marten;

/// <summary>
/// One grain's append, its events already chained, waiting for its batch to be durable. Settling it records how long
/// it waited (<see cref="JournalMetrics.AppendDuration"/>), from its arrival to its outcome.
/// </summary>
internal sealed class PendingAppend(string streamId, StreamHead expected, IReadOnlyList<JournalEvent> events, IReadOnlyList<byte[]> json, IReadOnlyList<EventHash> hashes, ActivityContext caller)
{
    private readonly TaskCompletionSource<StreamHead> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _arrived = Stopwatch.GetTimestamp();

    public string StreamId { get; } = streamId;

    public long ExpectedVersion => expected.Version;

    public IReadOnlyList<JournalEvent> Events { get; } = events;

    /// <summary>Each event's payload as the store's serializer writes it, in UTF-8: what is hashed and what is stored.</summary>
    public IReadOnlyList<byte[]> Json { get; } = json;

    /// <summary>Each event's chain hash, in order (<see cref="EventHash.None"/> when the journal does not chain).</summary>
    public IReadOnlyList<EventHash> Hashes { get; } = hashes;

    public ActivityContext Caller { get; } = caller;

    /// <summary>
    /// The id its first event is stored under: after a failure whose outcome is unknown, finding it at the stream's next
    /// version says this append committed, where finding another id there says another writer's did.
    /// </summary>
    public Guid FirstEventId { get; } = Guid.CreateVersion7();

    public StreamHead NewHead => new(expected.Version + Events.Count, Hashes[^1]);

    public Task<StreamHead> Outcome => _outcome.Task;

    public void Committed()
    {
        if (_outcome.TrySetResult(NewHead))
        {
            RecordDuration();
        }
    }

    public void Failed(Exception error)
    {
        if (_outcome.TrySetException(error))
        {
            RecordDuration();
        }
    }

    private void RecordDuration() => JournalMetrics.AppendDuration.Record(Stopwatch.GetElapsedTime(_arrived).TotalSeconds);
}
