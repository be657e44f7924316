namespace BsiLedger.EventStore.Integrity.Checkpoints;

/// <summary>
/// A checkpoint the ledger signed, as kept in <c>bsi_checkpoints</c>: its place in the ledger's own chain of
/// checkpoints (<see cref="Chain"/> = SHA-256(previous chain ‖ the signed note's bytes)) and the last sequence number
/// its tree covers.
/// </summary>
public sealed record StoredCheckpoint(long Number, SignedCheckpoint Head, long LastSequence, DateTimeOffset SignedAt, EventHash Chain);
