using BsiLedger.Domain;
using BsiLedger.EventStore.Integrity;

namespace BsiLedger.EventStore.Journal;

/// <summary>An event as the store holds it: its place in its stream and in the whole ledger.</summary>
/// <param name="Version">Position in the stream, from 1.</param>
/// <param name="Sequence">Position in the whole ledger, across streams.</param>
/// <param name="StoredAt">Wall-clock time of the append (the store's clock, not domain time).</param>
/// <param name="Hash">The event's link in its stream's hash chain, as stored (<see cref="EventHash.None"/> when it carries none).</param>
public sealed record StoredEvent(
    string StreamId,
    long Version,
    long Sequence,
    DateTimeOffset StoredAt,
    string TypeName,
    object Data,
    Provenance Provenance,
    EventHash Hash)
{
    public JournalEvent ToJournalEvent() => new(Data, Provenance);
}
