using System.Data;
using System.Text.Json;
using BsiLedger.EventStore.Integrity.Checkpoints;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.EventStore.Integrity.Proofs;

/// <summary>Answers proofs against checkpoints the ledger signed, from its stored tiles; writes nothing.</summary>
public sealed class ProofBuilder(string connectionString)
{
    private static readonly string DeviceEventsSql = $"""
        select e.seq_id, e.version, e.type, e.data::text, coalesce(e.correlation_id, ''), coalesce(e.causation_id, ''),
               e.timestamp, e.headers ->> '{MartenEventJournal.HashHeader}',
               (select t.idx * {Tile.Width} + array_position(t.sequences, e.seq_id) - 1 from {CheckpointSchema.Tiles} t
                where t.level = 0 and t.first_sequence <= e.seq_id order by t.first_sequence desc limit 1)
        from {LedgerStoreOptions.Schema}.mt_events e where e.stream_id = $1 order by e.version
        """;

    /// <exception cref="ProofRefusedException">The device was never enrolled, or none of the asked events is covered by the checkpoint.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is beyond the device's last event.</exception>
    public async Task<DeviceProof> ProveDeviceAsync(string deviceId, long? version, SignedCheckpoint checkpoint, CancellationToken ct)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var stored = await SignedByThisLedgerAsync(connection, checkpoint, ct);
        var rows = await ReadDeviceAsync(connection, transaction, deviceId, ct);
        if (rows.Count == 0)
        {
            throw new ProofRefusedException($"device '{deviceId}' was never enrolled: the ledger has no events of it");
        }

        if (version is { } v && !rows.Any(r => r.Version == v))
        {
            throw new ArgumentOutOfRangeException(nameof(version), v, $"device '{deviceId}' has versions 1 to {rows[^1].Version}");
        }

        bool Covered(Row row) => row.Sequence <= stored.LastSequence && row.LeafIndex is { } leaf && leaf < checkpoint.Checkpoint.Size;
        var wanted = version is { } only ? rows.Where(r => r.Version == only).ToList() : rows.TakeWhile(Covered).ToList();
        if (wanted.Count == 0 || !Covered(wanted[^1]))
        {
            var refused = version is null ? rows[0] : wanted[0];
            throw new ProofRefusedException(
                $"device '{deviceId}' version {refused.Version} (sequence {refused.Sequence}) is not covered by that checkpoint " +
                $"(tree size {checkpoint.Checkpoint.Size}, up to sequence {stored.LastSequence}); sign a newer checkpoint with `bsi audit checkpoint`");
        }

        var reader = new TreeReader(new StoredTiles(connection, transaction), checkpoint.Checkpoint.Size);
        var events = new List<ProvenEvent>();
        foreach (var row in wanted)
        {
            var path = await reader.InclusionAsync(row.LeafIndex!.Value, ct);
            using var data = JsonDocument.Parse(row.Data);
            events.Add(new ProvenEvent(
                row.LeafIndex.Value, row.Sequence, deviceId, row.Version, row.Type, data.RootElement.Clone(), row.CorrelationId, row.CausationId,
                row.StoredAt, Previous(rows, row), row.Hash, [.. path.Select(h => h.ToString())]));
        }

        await transaction.CommitAsync(ct);
        return new DeviceProof(DeviceProof.CurrentFormat, checkpoint.ToString(), deviceId, version, events);
    }

    /// <exception cref="ProofRefusedException">Either checkpoint was not signed by this ledger, or <paramref name="to"/> is the smaller tree.</exception>
    public async Task<ConsistencyProof> ProveConsistencyAsync(SignedCheckpoint from, SignedCheckpoint to, CancellationToken ct)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await SignedByThisLedgerAsync(connection, from, ct);
        await SignedByThisLedgerAsync(connection, to, ct);
        if (to.Checkpoint.Size < from.Checkpoint.Size)
        {
            throw new ProofRefusedException(
                $"--to's tree ({to.Checkpoint.Size} events) is smaller than --from's ({from.Checkpoint.Size}): give the older checkpoint as --from");
        }

        var path = await new TreeReader(new StoredTiles(connection, transaction), to.Checkpoint.Size).ConsistencyAsync(from.Checkpoint.Size, ct);
        await transaction.CommitAsync(ct);
        return new ConsistencyProof(ConsistencyProof.CurrentFormat, from.ToString(), to.ToString(), [.. path.Select(h => h.ToString())]);
    }

    private static async Task<StoredCheckpoint> SignedByThisLedgerAsync(NpgsqlConnection connection, SignedCheckpoint checkpoint, CancellationToken ct) =>
        await CheckpointLog.FindAsync(connection, checkpoint.Checkpoint, ct)
        ?? throw new ProofRefusedException(
            $"this ledger never signed a checkpoint of origin '{checkpoint.Checkpoint.Origin}' with {checkpoint.Checkpoint.Size} events and that root");

    // The stored hash of the row before it in the stream as it stands: a deleted or reordered row shows in the check.
    private static string Previous(List<Row> rows, Row row)
    {
        var at = rows.IndexOf(row);
        return at == 0 ? EventHash.None.ToString() : rows[at - 1].Hash;
    }

    /// <remarks>Only once the checkpoint was found: the tiles' table exists from the first checkpoint on.</remarks>
    private static async Task<List<Row>> ReadDeviceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string deviceId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(DeviceEventsSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = deviceId });
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new Row(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? "" : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetInt64(8)));
        }

        return rows;
    }

    private sealed record Row(long Sequence, long Version, string Type, string Data, string CorrelationId, string CausationId, DateTimeOffset StoredAt, string Hash, long? LeafIndex);
}
