using Npgsql;

namespace BsiLedger.EventStore.Postgres;

/// <summary>What a server allows and already has: its <c>max_connections</c>, the slots kept for superusers, and the client connections open now.</summary>
public sealed record ServerConnections(int Max, int Reserved, int InUse)
{
    // reserved_connections is PostgreSQL 16's; before it, current_setting(…, true) reads null.
    private const string Sql = """
        select current_setting('max_connections')::int,
            current_setting('superuser_reserved_connections')::int + coalesce(current_setting('reserved_connections', true)::int, 0),
            (select count(*) from pg_stat_activity where backend_type = 'client backend')::int
        """;

    /// <summary>Slots an ordinary role can still take.</summary>
    public int Free => Math.Max(Max - Reserved - InUse, 0);

    /// <summary>Read over <paramref name="connection"/>, which counts among those in use.</summary>
    public static async Task<ServerConnections> ReadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new ServerConnections(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }
}
