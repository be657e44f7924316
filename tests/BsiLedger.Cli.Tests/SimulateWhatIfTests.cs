using System.Text.Json;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

/// <summary><c>bsi simulate --whatif FILE</c>: each alternative plan replayed beside the run, in report.json, report.md and adoption.png.</summary>
public sealed class SimulateWhatIfTests(PostgresFixture postgres)
{
    private static readonly string Scenarios = Path.Combine(RepositoryRoot.Path, "docs", "scenarios");

    [Fact]
    public async Task The_report_carries_each_alternative_beside_the_actual_rollout()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var output = Directory.CreateTempSubdirectory("bsi-sim-whatif-").FullName;

        var run = await Bsi.RunAsync(["simulate", "--scenario", Path.Combine(Scenarios, "whatif-halt-recall.json"), "--whatif", Path.Combine(Scenarios, "whatif-halt-recall.alternatives.json"),
            "--out", output, "--connection", connection, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json"), TestContext.Current.CancellationToken)).RootElement;
        var alternatives = report.GetProperty("whatIf").EnumerateArray().ToArray();
        Assert.Equal(["canary judged alone", "longer canary soak"], alternatives.Select(a => a.GetProperty("name").GetString()));
        var canary = alternatives[0];
        Assert.Equal(0, canary.GetProperty("replay").GetProperty("halted").GetProperty("wave").GetInt32());
        Assert.True(canary.GetProperty("replay").GetProperty("installed").GetInt32() < canary.GetProperty("actual").GetProperty("installed").GetInt32());
        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains("What if: **canary judged alone**", markdown, StringComparison.Ordinal);
        Assert.Contains("What if: **longer canary soak**", markdown, StringComparison.Ordinal);
        Assert.Contains("what if iOS 26.3.1 (a) had 'canary judged alone': halted in wave 1", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_enrolled_by_hand_on_a_simulated_ledger_answers_as_on_a_live_one_and_the_replay_still_runs()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var simulated = await Bsi.RunAsync(["simulate", "--scenario", Path.Combine(Scenarios, "whatif-halt-recall.json"),
            "--out", Directory.CreateTempSubdirectory("bsi-sim-whatif-").FullName, "--connection", connection, "--telemetry", "none"]);
        Assert.True(simulated.ExitCode == 0, simulated.ToString());
        var bsi = new InProcessBsi(connection);
        var enrolled = await bsi.RunAsync("device", "enroll", "by-hand-1", "--platform", "iOS", "--os", "26.3.1");
        Assert.True(enrolled.ExitCode == 0, enrolled.ToString());

        // A threshold nothing crosses takes the rollout to the whole line, so the device by hand is offered it.
        var run = await bsi.RunAsync("whatif", "iOS 26.3.1 (a)", "--wave", "100%:0h:100%", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, run.Json().GetProperty("replay").GetProperty("unknown").GetInt32());
    }

    [Theory]
    [InlineData("""[{ "release": "iPadOS 26.3.1 (a)", "plan": { "minSample": 20, "waves": [ { "share": 1, "soak": "0h", "failureThreshold": 0.03 } ] } }]""", "whatif[0].release")]
    [InlineData("""[{ "release": "iOS 26.3.1 (a)", "plan": { "minSample": 20, "waves": [ { "share": 1, "soak": "0h" } ] } }]""", "whatif[0].plan.waves[0]")]
    [InlineData("""[]""", "at least one alternative")]
    public async Task A_bad_alternatives_file_exits_2_naming_the_field_before_anything_runs(string file, string names)
    {
        var connection = await postgres.CreateDatabaseAsync();
        var path = Path.Combine(Directory.CreateTempSubdirectory("bsi-whatif-file-").FullName, "alternatives.json");
        await File.WriteAllTextAsync(path, file, TestContext.Current.CancellationToken);

        var run = await Bsi.RunAsync(["simulate", "--scenario", Path.Combine(Scenarios, "whatif-halt-recall.json"), "--whatif", path,
            "--out", Directory.CreateTempSubdirectory("bsi-sim-whatif-").FullName, "--connection", connection, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 2 && run.Stderr.Contains(names, StringComparison.Ordinal), run.ToString());
        Assert.Equal(0, await StoredRows.TotalAsync(connection));
    }
}
