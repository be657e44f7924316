using BsiLedger.Domain;

namespace BsiLedger.EventStore.Journal;

/// <summary>A domain event on its way into a stream (or read back from one), with its provenance.</summary>
[GenerateSerializer, Immutable, Alias("bsi.journal-event")]
public sealed record JournalEvent([property: Id(0)] object Data, [property: Id(1)] Provenance Provenance);
