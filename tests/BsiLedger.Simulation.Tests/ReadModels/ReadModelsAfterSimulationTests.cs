using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.ReadModels;
using BsiLedger.Grains.Releases.Reports;
using BsiLedger.Simulation.Runs;
using BsiLedger.Simulation.Scenarios;
using BsiLedger.Testing;
using Marten;
using Npgsql;

namespace BsiLedger.Simulation.Tests.ReadModels;

/// <summary>
/// Marten's async daemon has stalled or skipped events under heavy appends in several 9.x releases: after a run that
/// appends from a thousand grains at once, the projections must reach the last event and agree with the run's report.
/// </summary>
public sealed class ReadModelsAfterSimulationTests(PostgresFixture postgres)
{
    private static readonly string DesignExample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", "design-example.json"));

    [Fact]
    public async Task After_a_simulated_fleet_the_daemon_reaches_the_last_event_and_the_exposure_windows_match_the_recall()
    {
        var ct = TestContext.Current.CancellationToken;
        // The design example without its bad model, so the rollout is still running when the recall comes.
        var scenario = ScenarioFile.Parse(DesignExample.Replace("\"rate\": 0.3", "\"rate\": 0.01", StringComparison.Ordinal))
            .WithOverrides(devices: 3_000, seed: null);
        var connection = await postgres.CreateDatabaseAsync();

        var report = await new SimulationRun(scenario, new SimulationOptions(connection) { Shards = 32 }).RunAsync(ct);

        var (lastEvent, progress) = await ProgressionAsync(connection, ct);
        Assert.True(lastEvent >= report.EventsAppended, "the run appended events");
        Assert.Equal(LedgerStoreOptions.AsyncProjections.Order(), progress.Keys.Order());
        Assert.All(progress, shard => Assert.Equal(lastEvent, shard.Value));
        Assert.Equal(0, await HighWaterSkipsAsync(connection, ct));

        var recall = Assert.IsType<RecallReport>(report.Releases.Single(r => r.Recall is not null).Recall);
        var recalled = report.Releases.Single(r => r.Recall is not null).Release;
        using var store = LedgerStoreOptions.CreateStore(connection);
        var windows = await ExposureWindows.ForReleaseAsync(store, Domain.Releases.ReleaseId.Parse(recalled), ct);
        Assert.True(recall.Exposed > 0, "the recall found exposed devices");
        Assert.Equal(recall.Exposed, windows.Select(w => w.DeviceId).Distinct().Count());
        Assert.Equal(recall.Withdrawn, windows.Count(w => w.Ending == ExposureEnding.Withdrawn));
        Assert.Equal(recall.Pending, windows.Count(w => w.StillExposed));
        Assert.Equal(recall.Settled, windows.Count(w => w.Ending is ExposureEnding.Removed or ExposureEnding.OsUpdated or ExposureEnding.Superseded));
        Assert.All(windows.Where(w => w.Ending == ExposureEnding.Withdrawn), w => Assert.Equal(recall.RecallId, w.RecallId));

        await using var session = store.QuerySession();
        var adoption = await session.LoadAsync<ReleaseAdoption>(recalled, ct);
        Assert.NotNull(adoption);
        Assert.Equal(recall.Withdrawn, adoption.Total.Withdrawn);
        Assert.Equal(windows.Count, adoption.Total.Applied);
        Assert.Equal(adoption.Total.Applied, adoption.Hours.Sum(h => h.Counts.Applied));
    }

    /// <summary>The ledger's last event (max seq_id) and each async projection's progression, read from the tables themselves.</summary>
    private static async Task<(long LastEvent, Dictionary<string, long> Progress)> ProgressionAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var last = new NpgsqlCommand($"select max(seq_id) from {LedgerStoreOptions.Schema}.mt_events", connection);
        var lastEvent = (long)(await last.ExecuteScalarAsync(ct))!;
        await using var command = new NpgsqlCommand($"select name, last_seq_id from {LedgerStoreOptions.Schema}.mt_event_progression", connection);
        var progress = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // Marten keeps rows of its own here too (the high-water mark and its fence): only the projections count.
            if (reader.GetString(0).Split(':')[0] is var name && LedgerStoreOptions.AsyncProjections.Contains(name))
            {
                progress[name] = reader.GetInt64(1);
            }
        }

        return (lastEvent, progress);
    }

    /// <summary>
    /// Marten records here each gap in the sequence its high-water mark gave up waiting for and skipped. None is expected:
    /// the journal commits or rolls back whole transactions and the daemon waits for live ones. Each skip found is sent
    /// as a diagnostic message (run with -diagnostics) so a failure shows what was skipped.
    /// </summary>
    private static async Task<long> HighWaterSkipsAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select * from {LedgerStoreOptions.Schema}.mt_high_water_skips", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = 0L;
        while (await reader.ReadAsync(ct))
        {
            rows++;
            TestContext.Current.SendDiagnosticMessage(string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={reader.GetValue(i)}")));
        }

        return rows;
    }
}
