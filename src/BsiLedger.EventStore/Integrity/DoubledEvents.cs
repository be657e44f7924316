namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// Events of one type (and release) that one command appended more than once on a stream; <paramref name="CommandId"/> is
/// null for a device's failure report recorded twice under different command ids (a retry the ledger did not know for one).
/// </summary>
public sealed record DoubledEvents(string StreamId, string? CommandId, string Type, string? Release, long Count);
