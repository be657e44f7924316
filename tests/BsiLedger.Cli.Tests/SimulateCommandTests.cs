using System.Text.Json;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

public sealed class SimulateCommandTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Simulate_writes_a_report_with_every_field_the_contract_lists()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var output = Directory.CreateTempSubdirectory("bsi-sim-").FullName;

        var run = await Bsi.RunAsync(["simulate", "--devices", "400", "--seed", "7", "--out", output, "--json", "--connection", connection, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json"), TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(JsonValueKind.Object, run.Json().ValueKind);
        Assert.Equal(400, report.GetProperty("devices").GetInt32());
        Assert.Equal(await StoredRows.TotalAsync(connection), report.GetProperty("eventsAppended").GetInt64());
        foreach (var field in new[] { "wallSeconds", "eventsPerSecond", "peakWorkingSetBytes" })
        {
            Assert.True(report.GetProperty(field).GetDouble() > 0, field);
        }

        var releases = report.GetProperty("releases").EnumerateArray().ToArray();
        Assert.NotEmpty(releases);
        foreach (var release in releases)
        {
            var wave = release.GetProperty("waves")[0];
            foreach (var field in new[] { "index", "share", "startedAt", "completedAt", "targeted", "installed", "applied", "failed" })
            {
                Assert.True(wave.TryGetProperty(field, out _), field);
            }

            foreach (var reason in new[] { "autoInstallOff", "mdmForbids", "ineligible", "offline" })
            {
                Assert.True(wave.GetProperty("skipped").TryGetProperty(reason, out _), reason);
            }

            Assert.True(release.TryGetProperty("halted", out _));
            Assert.True(release.TryGetProperty("recall", out _));
        }

        var recall = releases.Single(r => r.GetProperty("recall").ValueKind == JsonValueKind.Object).GetProperty("recall");
        foreach (var field in new[] { "issuedAt", "completedAt", "exposed", "withdrawn", "pending" })
        {
            Assert.True(recall.TryGetProperty(field, out _), field);
        }
    }

    [Theory]
    [InlineData("--devices", "0", "--devices")]
    [InlineData("--devices", "-5", "--devices")]
    [InlineData("--devices", "many", "--devices")]
    [InlineData("--seed", "1.5", "--seed")]
    public async Task Bad_numbers_are_exit_2_with_the_option_named_and_nothing_appended(string option, string value, string named)
    {
        var connection = await postgres.CreateDatabaseAsync();
        var output = Directory.CreateTempSubdirectory("bsi-sim-").FullName;

        var run = await Bsi.RunAsync(["simulate", option, value, "--out", output, "--connection", connection, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, await StoredRows.TotalAsync(connection));
    }

    [Fact]
    public async Task An_out_path_that_is_a_file_is_exit_2()
    {
        var file = Path.GetTempFileName();

        var run = await Bsi.RunAsync(["simulate", "--devices", "10", "--out", file, "--connection", postgres.ConnectionString, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--out", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not json", "not JSON")]
    [InlineData("""{ "fleet": { "devices": 10, "mix": [] }, "releases": [] }""", "seed")]
    [InlineData("""{ "seed": "forty-two", "fleet": { "devices": 10 }, "releases": [] }""", "seed")]
    public async Task A_bad_scenario_file_is_exit_2_naming_what_is_wrong(string content, string named)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("bsi-scenario-").FullName, "scenario.json");
        await File.WriteAllTextAsync(file, content, TestContext.Current.CancellationToken);

        var run = await Bsi.RunAsync(["simulate", "--scenario", file, "--out", Path.GetTempPath(), "--connection", postgres.ConnectionString, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(named, run.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_ledger_that_already_holds_events_is_refused_with_exit_2()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var output = Directory.CreateTempSubdirectory("bsi-sim-").FullName;
        Assert.Equal(0, (await Bsi.RunAsync(["simulate", "--devices", "20", "--out", output, "--connection", connection, "--telemetry", "none"])).ExitCode);
        var events = await StoredRows.TotalAsync(connection);

        var again = await Bsi.RunAsync(["simulate", "--devices", "20", "--out", output, "--connection", connection, "--telemetry", "none"]);

        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains("empty ledger", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(events, await StoredRows.TotalAsync(connection));
    }
}
