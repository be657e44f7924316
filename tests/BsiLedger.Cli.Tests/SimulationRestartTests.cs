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
    private static readonly string[] WallClockFields = ["wallSeconds", "eventsPerSecond", "peakWorkingSetBytes", "recallTiming"];

    private RestartablePostgres _postgres = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _postgres = await RestartablePostgres.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task A_simulation_rides_out_a_restart_and_terminated_connections_and_reports_what_an_undisturbed_run_reports()
    {
        var calm = await _postgres.CreateDatabaseAsync("calm", Ct);
        var stormy = await _postgres.CreateDatabaseAsync("stormy", Ct);
        var calmOut = Directory.CreateTempSubdirectory("bsi-calm-").FullName;
        var stormyOut = Directory.CreateTempSubdirectory("bsi-stormy-").FullName;

        var undisturbed = await Simulate(calm, calmOut);
        Assert.True(undisturbed.ExitCode == 0, undisturbed.ToString());

        var disturbed = Simulate(stormy, stormyOut);
        await WaitForRowsAsync(_postgres.Unpooled("stormy"), Devices / 2, disturbed);
        await _postgres.RestartAsync(TimeSpan.FromSeconds(2), Ct);
        // Past the enrolments, while the devices' reports come in (the run stores about 1.3 events per device).
        await WaitForRowsAsync(_postgres.Unpooled("stormy"), Devices + Devices / 10, disturbed);
        Assert.True(await _postgres.TerminateLedgerConnectionsAsync(Ct) > 0, "no ledger connection was open to terminate");
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
        foreach (var field in WallClockFields)
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

    /// <summary>Until the run has stored <paramref name="rows"/> events; a run that ended first fails the test with its output.</summary>
    private static async Task WaitForRowsAsync(string database, long rows, Task<BsiRun> run)
    {
        while (await StoredRows.TotalAsync(database) < rows)
        {
            if (run.IsCompleted)
            {
                Assert.Fail($"the run ended before storing {rows} events: {await run}");
            }

            await Task.Delay(20, Ct);
        }
    }
}
