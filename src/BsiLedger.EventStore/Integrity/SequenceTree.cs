using BsiLedger.EventStore.Marten;
using Npgsql;

namespace BsiLedger.EventStore.Integrity;

/// <summary>The <see cref="MerkleTree"/> over the stored event hashes up to a sequence number, read in sequence order.</summary>
internal static class SequenceTree
{
    private static readonly string Sql = $"""
        select headers ->> '{MartenEventJournal.HashHeader}' from {LedgerStoreOptions.Schema}.mt_events
        where seq_id <= @last and {LedgerStoreOptions.LedgerStreamsOnly()} order by seq_id
        """;

    /// <remarks>An event without a readable hash enters the tree as zeros: the chain check names it.</remarks>
    public static async Task<MerkleTree> ComputeAsync(NpgsqlConnection connection, long lastSequence, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("last", lastSequence);
        var tree = new MerkleTree();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            tree.Add(EventHash.TryParse(reader.IsDBNull(0) ? null : reader.GetString(0), out var hash) ? hash : EventHash.None);
        }

        return tree;
    }
}
