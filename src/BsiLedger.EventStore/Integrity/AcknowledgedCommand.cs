namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// A command a client was told took effect (it appended events): <paramref name="CommandId"/> is the causation id its
/// events carry on <paramref name="StreamId"/> (or, for the steps it took on
/// a device's behalf, the ids derived from it: <c>ID/…</c>). Absent from the stream afterwards, it was lost.
/// </summary>
public sealed record AcknowledgedCommand(string StreamId, string CommandId);
