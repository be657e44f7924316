using System.Text.Json.Nodes;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.Cli.Tests;

/// <summary>
/// <c>bsi simulate</c> against a server that restarts under it (a fast shutdown: every session ended, what was in flight
/// rolled back) and later has every ledger connection terminated: the run waits the database out and reports what an
/// undisturbed run of the same seed reports, with a ledger that verifies.
/// </summary>
public sealed class SimulationRestartTests : IAsyncLifetime
{
    private const int Devices = 3000;

    // Measured on the wall clock, so they differ between any two runs.
    private static readonly string[] _wallClockFields = ["wallSeconds", "eventsPerSecond", "peakWorkingSetBytes", "recallTiming"];

    // Not CreateTempSubdirectory: its mode 700 would keep the embedded server's own account out.
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bsi-sim-restart-" + Guid.NewGuid().ToString("N")[..10]);
    private EmbeddedPostgresOptions _options = null!;
    private EmbeddedPostgres _postgres = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _options = new EmbeddedPostgresOptions(_directory, Durable: false, Port: FreeTcpPort.Pick());
        _postgres = await EmbeddedPostgres.StartAsync(_options, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _postgres.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_simulation_rides_out_a_restart_and_terminated_connections_and_reports_what_an_undisturbed_run_reports()
    {
        var calm = await CreateDatabaseAsync("calm");
        var stormy = await CreateDatabaseAsync("stormy");
        var calmOut = Directory.CreateTempSubdirectory("bsi-calm-").FullName;
        var stormyOut = Directory.CreateTempSubdirectory("bsi-stormy-").FullName;

        var undisturbed = await Simulate(calm, calmOut);
        Assert.True(undisturbed.ExitCode == 0, undisturbed.ToString());

        var disturbed = Simulate(stormy, stormyOut);
        await WaitForRowsAsync(stormy, Devices / 2, disturbed);
        await _postgres.DisposeAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        _postgres = await EmbeddedPostgres.StartAsync(_options, Ct);
        await WaitForRowsAsync(stormy, Devices + Devices / 3, disturbed);
        await TerminateLedgerConnectionsAsync();
        var run = await disturbed;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Comparable(calmOut).ToJsonString(), Comparable(stormyOut).ToJsonString());
        var verify = await Bsi.RunAsync(["audit", "verify", "--json", "--connection", stormy, "--telemetry", "none"]);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.True(verify.Json().GetProperty("intact").GetBoolean(), verify.Stdout);
        Assert.Equal(Comparable(stormyOut)["eventsAppended"]!.GetValue<long>(), verify.Json().GetProperty("events").GetInt64());
    }

    private static Task<BsiRun> Simulate(string connection, string output) =>
        Bsi.RunAsync(["simulate", "--devices", Devices.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "11", "--out", output,
            "--connection", connection, "--telemetry", "none"]);

    private static JsonObject Comparable(string output)
    {
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "report.json")))!.AsObject();
        foreach (var field in _wallClockFields)
        {
            report.Remove(field);
        }

        // A new correlation id per run, by design.
        foreach (var release in report["releases"]!.AsArray())
        {
            (release!["recall"] as JsonObject)?.Remove("recallId");
        }

        return report;
    }

    private async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(Admin("postgres")))
        {
            await connection.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync(Ct);
        }

        return new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Until the run has stored <paramref name="rows"/> events; a run that ended first fails the test with its output.</summary>
    private static async Task WaitForRowsAsync(string database, long rows, Task<BsiRun> run)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(database) { Pooling = false, ApplicationName = "watcher" }.ConnectionString;
        while (await StoredRows.TotalAsync(unpooled) < rows)
        {
            if (run.IsCompleted)
            {
                Assert.Fail($"the run ended before storing {rows} events: {await run}");
            }

            await Task.Delay(20, Ct);
        }
    }

    private async Task TerminateLedgerConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(Admin("postgres"));
        await connection.OpenAsync(Ct);
        await using var terminate = new NpgsqlCommand("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = 'bsi'", connection);
        Assert.True((long)(await terminate.ExecuteScalarAsync(Ct))! > 0, "no ledger connection was open to terminate");
    }

    private string Admin(string database) =>
        new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Database = database, Pooling = false, ApplicationName = "admin" }.ConnectionString;
}
