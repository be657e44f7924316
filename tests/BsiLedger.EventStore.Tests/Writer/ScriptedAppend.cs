using BsiLedger.EventStore.Journal;

namespace BsiLedger.EventStore.Tests.Writer;

/// <summary>One append of the round-trip script: to a stream, from a version (0 starts it), with its events.</summary>
internal sealed record ScriptedAppend(string Stream, long ExpectedVersion, params JournalEvent[] Events);
