using System.Text.Json;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Simulation.Scenarios;
using Npgsql;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// The scenario a simulation ran and the clock it ran on, kept in its ledger (<c>bsiledger.bsi_simulation</c>, one row)
/// so that a what-if replay of the ledger can draw what the actual run never asked of its devices from the same model
/// and seed.
/// </summary>
public sealed record SimulationRecord(Scenario Scenario, DateTimeOffset Start, TimeSpan Step)
{
    public const string TableName = $"{LedgerStoreOptions.Schema}.bsi_simulation";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            create table if not exists {TableName} (id int primary key check (id = 1), scenario jsonb not null, started_at timestamptz not null, step interval not null);
            insert into {TableName} (id, scenario, started_at, step) values (1, @scenario::jsonb, @start, @step)
            on conflict (id) do update set scenario = excluded.scenario, started_at = excluded.started_at, step = excluded.step;
            """, connection);
        command.Parameters.AddWithValue("scenario", JsonSerializer.Serialize(Scenario, Json));
        command.Parameters.AddWithValue("start", Start.UtcDateTime);
        command.Parameters.AddWithValue("step", Step);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The record of the simulation that wrote the ledger; null for a ledger no simulation wrote.</summary>
    public static async Task<SimulationRecord?> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, cancellationToken);
        await using var command = new NpgsqlCommand($"select scenario::text, started_at, step from {TableName}", connection);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new SimulationRecord(JsonSerializer.Deserialize<Scenario>(reader.GetString(0), Json)!, reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<TimeSpan>(2))
                : null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }
}
