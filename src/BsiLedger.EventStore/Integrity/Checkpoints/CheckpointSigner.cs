using System.Text;
using BsiLedger.EventStore.Integrity.Proofs;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.EventStore.Integrity.Checkpoints;

/// <summary>
/// Signs a checkpoint of the ledger as it stands and keeps it. The tree grows from the last checkpoint's: only the
/// events since it are read and only the tiles at the tree's right edge are rewritten, so the cost follows the
/// events added, not the ledger's size. Tiles and checkpoint are written in one transaction, under the schema's
/// lock, so the stored tree is always exactly the latest checkpoint's.
/// </summary>
public sealed class CheckpointSigner(string connectionString, TimeSpan settleTimeout)
{
    private const int Batch = 65_536;

    private static readonly string NewEventsSql = $"""
        select seq_id, headers ->> '{MartenEventJournal.HashHeader}' from {LedgerStoreOptions.Schema}.mt_events
        where seq_id > $1 and seq_id <= $2 and {LedgerStoreOptions.LedgerStreamsOnly()} order by seq_id limit {Batch}
        """;

    /// <returns>The checkpoint, and whether it was signed now (false: the ledger has not grown since the last one this key signed).</returns>
    public async Task<(StoredCheckpoint Checkpoint, bool IsNew)> SignAsync(LedgerKey key, CancellationToken ct)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, ct);
        var (cut, _) = await LedgerCut.TakeAsync(connection, settleTimeout, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await CheckpointSchema.EnsureAsync(connection, transaction, ct);
        var latest = await CheckpointLog.LatestAsync(connection, transaction, ct);

        // Another signer may have settled a later cut while this one waited for the lock.
        var lastSequence = Math.Max(cut, latest?.LastSequence ?? 0);
        var size = await GrowAsync(connection, transaction, latest?.Head.Checkpoint.Size ?? 0, latest?.LastSequence ?? 0, lastSequence, ct);
        if (latest is not null && size == latest.Head.Checkpoint.Size && latest.Head.Note.IsSignedBy(key.Verifier))
        {
            await transaction.CommitAsync(ct);
            return (latest, false);
        }

        var root = await new TreeReader(new StoredTiles(connection, transaction), size).RootAsync(ct);
        var signed = SignedCheckpoint.Sign(new Checkpoint(key.Name, size, root), key);
        var stored = await InsertAsync(connection, transaction, latest, signed, lastSequence, ct);
        await transaction.CommitAsync(ct);
        return (stored, true);
    }

    /// <returns>The tree's size once every ledger event in (<paramref name="after"/>, <paramref name="last"/>] is a leaf.</returns>
    private static async Task<long> GrowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long size, long after, long last, CancellationToken ct)
    {
        var tiles = new StoredTiles(connection, transaction);
        var edge = new Dictionary<int, EventHash[]>();
        long[] edgeSequences = [];
        foreach (var (level, index) in TileAppender.EdgeOf(size))
        {
            var (hashes, sequences) = await tiles.ReadWithSequencesAsync(level, index, ct);
            edge[level] = hashes;
            if (level == 0)
            {
                edgeSequences = sequences;
            }
        }

        while (true)
        {
            var (sequences, hashes) = await ReadEventsAsync(connection, transaction, after, last, ct);
            if (sequences.Count == 0)
            {
                return size;
            }

            var changed = TileAppender.Append(size, edge, [.. hashes.Select(TreeHashing.Leaf)]);
            long[] leaves = [.. edgeSequences, .. sequences];
            var firstTile = size / Tile.Width;
            var leafSequences = changed.Where(t => t.Level == 0).ToDictionary(
                t => t.Index,
                t => leaves.AsSpan((int)((t.Index - firstTile) * Tile.Width), t.Hashes.Length).ToArray());
            await tiles.WriteAsync(changed, leafSequences, ct);

            size += sequences.Count;
            after = sequences[^1];
            var byKey = changed.ToDictionary(t => (t.Level, t.Index), t => t.Hashes);
            edge = TileAppender.EdgeOf(size).ToDictionary(t => t.Level, t => byKey.TryGetValue(t, out var hashesNow) ? hashesNow : edge[t.Level]);
            edgeSequences = size % Tile.Width == 0 ? [] : leafSequences[size / Tile.Width];
        }
    }

    private static async Task<(List<long> Sequences, List<EventHash> Hashes)> ReadEventsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long after, long last, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(NewEventsSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        command.Parameters.Add(new NpgsqlParameter { Value = last });
        var sequences = new List<long>();
        var hashes = new List<EventHash>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            sequences.Add(reader.GetInt64(0));
            // As in the digest: an event without a readable hash enters as zeros, and the chain check names it.
            hashes.Add(EventHash.TryParse(reader.IsDBNull(1) ? null : reader.GetString(1), out var hash) ? hash : EventHash.None);
        }

        return (sequences, hashes);
    }

    private static async Task<StoredCheckpoint> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, StoredCheckpoint? latest, SignedCheckpoint signed, long lastSequence, CancellationToken ct)
    {
        var previous = latest?.Chain ?? EventHash.None;
        var note = signed.ToString();
        var noteBytes = Encoding.UTF8.GetBytes(note);
        var chained = new byte[EventHash.Size + noteBytes.Length];
        previous.CopyTo(chained);
        noteBytes.CopyTo(chained, EventHash.Size);
        var chain = EventHash.Of(chained);

        await using var command = new NpgsqlCommand($"""
            insert into {CheckpointSchema.Checkpoints} (number, tree_size, last_sequence, root, origin, key_id, note, previous, chain)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning signed_at
            """, connection, transaction);
        var number = (latest?.Number ?? 0) + 1;
        foreach (var value in new object[]
                 {
                     number, signed.Checkpoint.Size, lastSequence, Bytes(signed.Checkpoint.Root), signed.Checkpoint.Origin,
                     $"{signed.Note.Signatures[0].Name}+{signed.Note.Signatures[0].KeyId:x8}", note, Bytes(previous), Bytes(chain),
                 })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var signedAt = new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync(ct))!);
        return new StoredCheckpoint(number, signed, lastSequence, signedAt, chain);
    }

    private static byte[] Bytes(EventHash hash)
    {
        var bytes = new byte[EventHash.Size];
        hash.CopyTo(bytes);
        return bytes;
    }
}
