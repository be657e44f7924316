using BsiLedger.EventStore.Marten;
using Npgsql;

namespace BsiLedger.Testing;

/// <summary>Reads the event table directly, so tests see what is stored, not what the code believes.</summary>
public static class StoredRows
{
    public static async Task<long> CountAsync(string connectionString, string streamId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("select to_regclass(@table) is not null", connection);
        exists.Parameters.AddWithValue("table", $"{LedgerStoreOptions.Schema}.mt_events");
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return 0;
        }

        await using var command = new NpgsqlCommand($"select count(*) from {LedgerStoreOptions.Schema}.mt_events where stream_id = @id", connection);
        command.Parameters.AddWithValue("id", streamId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The stream's versions in order: a gap or a repeat shows a lost or doubled event.</summary>
    public static async Task<IReadOnlyList<long>> VersionsAsync(string connectionString, string streamId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select version from {LedgerStoreOptions.Schema}.mt_events where stream_id = @id order by seq_id", connection);
        command.Parameters.AddWithValue("id", streamId);
        var versions = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt64(0));
        }

        return versions;
    }

    /// <summary>Every event in the ledger, all streams together (0 before the schema exists).</summary>
    public static async Task<long> TotalAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("select to_regclass(@table) is not null", connection);
        exists.Parameters.AddWithValue("table", $"{LedgerStoreOptions.Schema}.mt_events");
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return 0;
        }

        await using var command = new NpgsqlCommand($"select count(*) from {LedgerStoreOptions.Schema}.mt_events where {LedgerStoreOptions.LedgerStreamsOnly()}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
