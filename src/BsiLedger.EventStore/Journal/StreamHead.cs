using BsiLedger.EventStore.Integrity;

namespace BsiLedger.EventStore.Journal;

/// <summary>
/// Where a stream stands: its last event's version and chain hash. An append names the head it was decided
/// against; <see cref="Empty"/> is the head of a stream with no events.
/// </summary>
public readonly record struct StreamHead(long Version, EventHash Hash)
{
    public static StreamHead Empty => default;

    public static StreamHead Of(StoredEvent stored) => new(stored.Version, stored.Hash);
}
