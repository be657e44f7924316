namespace BsiLedger.EventStore.Journal;

/// <summary>
/// The event store could not be reached or failed mid-operation. Whether an append committed is then
/// unknown: callers re-read the stream before deciding again, never re-send blindly.
/// </summary>
public sealed class JournalUnavailableException(string message, Exception inner) : Exception(message, inner);
