using Npgsql;

namespace BsiLedger.EventStore.Integrity.Checkpoints;

/// <summary>Reads the checkpoints the ledger signed; a ledger that never signed one has none (and may have no table yet).</summary>
public static class CheckpointLog
{
    private const string Columns = "number, note, last_sequence, signed_at, chain";

    public static Task<StoredCheckpoint?> LatestAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct) =>
        ReadAsync(connection, transaction, $"select {Columns} from {CheckpointSchema.Checkpoints} order by number desc limit 1", [], ct);

    /// <summary>The checkpoint of that tree (size and root) the ledger signed, if it did.</summary>
    public static Task<StoredCheckpoint?> FindAsync(NpgsqlConnection connection, Checkpoint checkpoint, CancellationToken ct)
    {
        Span<byte> root = stackalloc byte[EventHash.Size];
        checkpoint.Root.CopyTo(root);
        return ReadAsync(connection, null,
            $"select {Columns} from {CheckpointSchema.Checkpoints} where tree_size = $1 and root = $2 and origin = $3 order by number limit 1",
            [checkpoint.Size, root.ToArray(), checkpoint.Origin], ct);
    }

    private static async Task<StoredCheckpoint?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object[] values, CancellationToken ct)
    {
        await using (var exists = new NpgsqlCommand($"select to_regclass('{CheckpointSchema.Checkpoints}') is not null", connection, transaction))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
            {
                return null;
            }
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new StoredCheckpoint(
            reader.GetInt64(0),
            SignedCheckpoint.Parse(reader.GetString(1)),
            reader.GetInt64(2),
            reader.GetFieldValue<DateTimeOffset>(3),
            EventHash.FromBytes(reader.GetFieldValue<byte[]>(4)));
    }
}
