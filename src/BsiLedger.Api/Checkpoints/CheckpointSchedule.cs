using BsiLedger.EventStore.Integrity.Checkpoints;

namespace BsiLedger.Api.Checkpoints;

/// <summary><c>bsi serve --checkpoint-every</c>: sign a checkpoint with <see cref="Key"/> this often (wall time).</summary>
public sealed record CheckpointSchedule(LedgerKey Key, TimeSpan Every);
