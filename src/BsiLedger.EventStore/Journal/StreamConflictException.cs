namespace BsiLedger.EventStore.Journal;

/// <summary>Optimistic concurrency: another writer appended to the stream first. Nothing was written.</summary>
public sealed class StreamConflictException(string streamId, long expectedVersion, Exception? inner = null)
    : Exception($"stream '{streamId}' is no longer at version {expectedVersion}: another writer appended first", inner)
{
    public string StreamId { get; } = streamId;
    public long ExpectedVersion { get; } = expectedVersion;
}
