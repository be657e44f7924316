using BsiLedger.EventStore.Marten;
using Npgsql;

namespace BsiLedger.EventStore.Integrity.Checkpoints;

/// <summary>
/// The tables the signed checkpoints need, beside Marten's: the checkpoints themselves (append-only, each chained to
/// the one before) and the tree's tiles. Versioned in <c>bsi_schema</c> like the Orleans tables; idempotent.
/// </summary>
public static class CheckpointSchema
{
    public const string Part = "checkpoints";

    public const int Version = 1;

    public const string Checkpoints = $"{LedgerStoreOptions.Schema}.bsi_checkpoints";

    public const string Tiles = $"{LedgerStoreOptions.Schema}.bsi_tree_tiles";

    private const string VersionTable = $"{LedgerStoreOptions.Schema}.bsi_schema";

    // Processes signing at once against one database take turns: create-if-not-exists alone races on the catalog.
    private const long LockKey = 0x6273_692D_636B_7074;

    private const string Tables = $"""
        create schema if not exists {LedgerStoreOptions.Schema};
        create table if not exists {VersionTable} (part text primary key, version integer not null);
        create table if not exists {Checkpoints} (
            number bigint primary key,
            tree_size bigint not null,
            last_sequence bigint not null,
            root bytea not null,
            origin text not null,
            key_id text not null,
            note text not null,
            signed_at timestamptz not null default statement_timestamp(),
            previous bytea not null,
            chain bytea not null);
        create table if not exists {Tiles} (
            level integer not null,
            idx bigint not null,
            hashes bytea not null,
            first_sequence bigint,
            sequences bigint[],
            primary key (level, idx));
        create index if not exists ix_bsi_tree_tiles_first_sequence on {Tiles} (first_sequence) where level = 0;
        create or replace function {LedgerStoreOptions.Schema}.bsi_checkpoints_append_only() returns trigger language plpgsql as $$
        begin
            raise exception 'bsi_checkpoints is append-only: a signed checkpoint is never changed or removed';
        end $$;
        create or replace trigger bsi_checkpoints_append_only before update or delete on {Checkpoints}
            for each row execute function {LedgerStoreOptions.Schema}.bsi_checkpoints_append_only();
        """;

    /// <exception cref="SchemaVersionException">A newer bsi wrote this part of the schema.</exception>
    public static async Task EnsureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using (var locking = new NpgsqlCommand($"select pg_advisory_xact_lock({LockKey})", connection, transaction))
        {
            await locking.ExecuteNonQueryAsync(ct);
        }

        await using (var exists = new NpgsqlCommand($"select to_regclass('{VersionTable}') is not null", connection, transaction))
        {
            if ((bool)(await exists.ExecuteScalarAsync(ct))!)
            {
                await using var stored = new NpgsqlCommand($"select version from {VersionTable} where part = $1", connection, transaction);
                stored.Parameters.Add(new NpgsqlParameter { Value = Part });
                if (await stored.ExecuteScalarAsync(ct) is int version && version > Version)
                {
                    throw new SchemaVersionException(Part, version, Version);
                }
            }
        }

        await using var tables = new NpgsqlCommand(Tables + $"""

            insert into {VersionTable} (part, version) values ('{Part}', {Version})
            on conflict (part) do update set version = excluded.version;
            """, connection, transaction);
        await tables.ExecuteNonQueryAsync(ct);
    }
}
