using Npgsql;

namespace BsiLedger.Host.Cluster;

/// <summary>
/// The tables and stored statements Orleans' AdoNet providers read (the packages ship no SQL): the shared
/// <c>OrleansQuery</c> table, found by the providers through the search path (so in <c>public</c>), and each
/// provider's <see cref="OrleansSchemaPart"/>. Created or brought up to date before a silo or client starts.
/// </summary>
public static class OrleansSchema
{
    /// <summary>Every provider the ledger runs on PostgreSQL, all created together: a provider's part is added here.</summary>
    public static IReadOnlyList<OrleansSchemaPart> Parts { get; } = [MembershipSchema.Part, ReminderSchema.Part];

    // Processes starting together against one database take turns: create-if-not-exists alone races on the catalog.
    private const long LockKey = 0x6273_692D_6F72_6C6E;

    private const string Shared = """
        create table if not exists public.orleansquery (querykey varchar(64) primary key, querytext text not null);
        create table if not exists public.orleans_schema (part text primary key, version integer not null);
        """;

    /// <summary>
    /// The one entry point: every part, under one advisory lock and in one transaction, so a process finds either the
    /// whole schema of its version or none of it. Idempotent. The ledger's connection string; the statements go through
    /// <see cref="ClusterPool"/>.
    /// </summary>
    /// <exception cref="OrleansSchemaVersionException">A newer bsi wrote a part of the schema this one would downgrade.</exception>
    public static async Task EnsureAsync(string ledgerConnectionString, CancellationToken ct)
    {
        await using var connection = await ClusterPool.For(ledgerConnectionString).OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var locking = new NpgsqlCommand($"select pg_advisory_xact_lock({LockKey}); {Shared}", connection, transaction))
        {
            await locking.ExecuteNonQueryAsync(ct);
        }

        foreach (var part in Parts)
        {
            await EnsurePartAsync(connection, transaction, part, ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task EnsurePartAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OrleansSchemaPart part, CancellationToken ct)
    {
        await using (var stored = new NpgsqlCommand("select version from public.orleans_schema where part = $1", connection, transaction))
        {
            stored.Parameters.Add(new NpgsqlParameter { Value = part.Name });
            if (await stored.ExecuteScalarAsync(ct) is int version && version > part.Version)
            {
                throw new OrleansSchemaVersionException(part.Name, version, part.Version);
            }
        }

        await using (var tables = new NpgsqlCommand(part.Tables, connection, transaction))
        {
            await tables.ExecuteNonQueryAsync(ct);
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (key, text) in part.Queries)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                insert into public.orleansquery (querykey, querytext) values ($1, $2)
                on conflict (querykey) do update set querytext = excluded.querytext
                """) { Parameters = { new() { Value = key }, new() { Value = text } } });
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            insert into public.orleans_schema (part, version) values ($1, $2)
            on conflict (part) do update set version = excluded.version
            """) { Parameters = { new() { Value = part.Name }, new() { Value = part.Version } } });
        await batch.ExecuteNonQueryAsync(ct);
    }
}
