using BsiLedger.EventStore.Integrity.Proofs;
using Npgsql;

namespace BsiLedger.EventStore.Integrity.Checkpoints;

/// <summary>
/// The tree's <see cref="Tile"/>s in <c>bsi_tree_tiles</c>: a tile's hashes as one bytea of 32-byte hashes and, for a
/// tile of leaves, the sequence number of each leaf's event (how a proof finds an event's leaf index).
/// </summary>
public sealed class StoredTiles(NpgsqlConnection connection, NpgsqlTransaction? transaction = null) : ITileSource
{
    public async ValueTask<EventHash[]> ReadAsync(int level, long index, CancellationToken ct) =>
        (await ReadWithSequencesAsync(level, index, ct)).Hashes;

    public async Task<(EventHash[] Hashes, long[] Sequences)> ReadWithSequencesAsync(int level, long index, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"select hashes, sequences from {CheckpointSchema.Tiles} where level = $1 and idx = $2", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = level });
        command.Parameters.Add(new NpgsqlParameter { Value = index });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return ([], []);
        }

        var bytes = reader.GetFieldValue<byte[]>(0);
        var hashes = new EventHash[bytes.Length / EventHash.Size];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = EventHash.FromBytes(bytes.AsSpan(i * EventHash.Size, EventHash.Size));
        }

        return (hashes, reader.IsDBNull(1) ? [] : reader.GetFieldValue<long[]>(1));
    }

    /// <param name="sequences">For each tile of level 0, its leaves' sequence numbers.</param>
    public async Task WriteAsync(IReadOnlyList<Tile> tiles, IReadOnlyDictionary<long, long[]> sequences, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var tile in tiles)
        {
            var bytes = new byte[tile.Hashes.Length * EventHash.Size];
            for (var i = 0; i < tile.Hashes.Length; i++)
            {
                tile.Hashes[i].CopyTo(bytes.AsSpan(i * EventHash.Size));
            }

            var leaves = tile.Level == 0 ? sequences[tile.Index] : null;
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
                insert into {CheckpointSchema.Tiles} (level, idx, hashes, first_sequence, sequences) values ($1, $2, $3, $4, $5)
                on conflict (level, idx) do update set hashes = excluded.hashes, sequences = excluded.sequences
                """)
            {
                Parameters =
                {
                    new() { Value = tile.Level },
                    new() { Value = tile.Index },
                    new() { Value = bytes },
                    new() { Value = leaves is null ? DBNull.Value : leaves[0] },
                    new() { Value = leaves is null ? DBNull.Value : leaves, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint },
                },
            });
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
    }
}
