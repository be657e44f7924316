using System.Text.Json;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

/// <summary>
/// <c>bsi whatif</c> on the ledger <c>bsi simulate</c> wrote for <c>docs/scenarios/whatif-halt-recall.json</c>: the JSON
/// outside checks read, a sweep with its chart, the errors of bad input, and not one event appended by any of it.
/// </summary>
public sealed class WhatIfCommandTests(SimulatedWhatIfLedger ledger) : IClassFixture<SimulatedWhatIfLedger>
{
    private const string Halting = "iOS 26.3.1 (a)";

    private static readonly string[] ReplayFields = ["plan", "waves", "halted", "installed", "failed", "exposed", "unknown", "timeTo50", "timeTo90"];
    private static readonly string[] WaveFields = ["index", "targeted", "installed", "applied", "failed", "skipped"];
    private static readonly string[] HaltFields = ["attempts", "failures", "rate", "threshold", "at"];

    private readonly string _connection = ledger.ConnectionString;

    private readonly InProcessBsi _bsi = new(ledger.ConnectionString);

    [Fact]
    public async Task A_replay_prints_the_actual_rollout_and_the_replay_in_the_contract_shape_and_appends_nothing()
    {
        var events = await StoredRows.TotalAsync(_connection);

        var same = await _bsi.RunAsync("whatif", Halting, "--json");
        var other = await _bsi.RunAsync("whatif", Halting, "--wave", "2%:24h:3%", "--wave", "100%:0h:3%", "--min-sample", "20", "--json");

        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.True(other.ExitCode == 0, other.ToString());
        var result = same.Json();
        Assert.Equal(Halting, result.GetProperty("release").GetString());
        Assert.Equal(result.GetProperty("actual").GetRawText(), result.GetProperty("replay").GetRawText());
        var replay = other.Json().GetProperty("replay");
        foreach (var field in ReplayFields)
        {
            Assert.True(replay.TryGetProperty(field, out _), field);
        }

        Assert.Equal(2, replay.GetProperty("waves").GetArrayLength());
        var wave = replay.GetProperty("waves")[0];
        Assert.All(WaveFields, field => Assert.True(wave.TryGetProperty(field, out _), field));
        var halted = replay.GetProperty("halted");
        Assert.Equal(0, halted.GetProperty("wave").GetInt32());
        Assert.All(HaltFields, field => Assert.True(halted.TryGetProperty(field, out _), field));
        Assert.True(replay.GetProperty("installed").GetInt32() < result.GetProperty("actual").GetProperty("installed").GetInt32());
        Assert.Equal(events, await StoredRows.TotalAsync(_connection));
    }

    [Fact]
    public async Task A_sweep_replays_once_per_value_and_draws_its_chart()
    {
        var chart = Path.Combine(Directory.CreateTempSubdirectory("bsi-whatif-chart-").FullName, "whatif.png");

        var run = await _bsi.RunAsync("whatif", Halting, "--sweep", "threshold=2%..6%:2%", "--chart", chart, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var sweep = run.Json();
        Assert.Equal(("threshold", Halting), (sweep.GetProperty("parameter").GetString(), sweep.GetProperty("release").GetString()));
        var points = sweep.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal([0.02, 0.04, 0.06], points.Select(p => p.GetProperty("value").GetDouble()));
        Assert.All(points, p => Assert.Equal(p.GetProperty("value").GetDouble(), p.GetProperty("replay").GetProperty("plan").GetProperty("waves").EnumerateArray()
            .Select(w => w.GetString()!).Select(w => double.Parse(w.Split(':')[2].TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) / 100).Distinct().Single(), 9));
        Assert.True(new FileInfo(chart).Length > 10_000, "the chart is a picture");
    }

    [Theory]
    [InlineData(2, "wave 1", "--wave", "2%:24h")]
    [InlineData(2, "the range is empty", "--sweep", "threshold=6%..2%:1%")]
    [InlineData(2, "above 0% and at most 100%", "--sweep", "threshold=50%..150%:50%")]
    [InlineData(2, "is not a parameter", "--sweep", "soak=1h..2h:1h")]
    [InlineData(2, "at least 1 attempt", "--sweep", "min-sample=0..10:5")]
    public async Task Bad_input_exits_2_with_the_expected_form_and_appends_nothing(int exit, string says, string option, string value)
    {
        var events = await StoredRows.TotalAsync(_connection);

        var run = await _bsi.RunAsync("whatif", Halting, option, value);

        Assert.True(run.ExitCode == exit && run.Stderr.Contains(says, StringComparison.Ordinal), run.ToString());
        Assert.Equal(events, await StoredRows.TotalAsync(_connection));
    }

    [Fact]
    public async Task A_release_the_ledger_does_not_know_exits_1_and_one_never_rolled_out_exits_2()
    {
        var published = await _bsi.RunAsync("release", "publish", "macOS 26.3.2 (b)", "--components", "Safari");
        Assert.True(published.ExitCode == 0, published.ToString());

        var unknown = await _bsi.RunAsync("whatif", "iOS 26.3.1 (z)");
        var idle = await _bsi.RunAsync("whatif", "macOS 26.3.2 (b)");
        var malformed = await _bsi.RunAsync("whatif", "not a release");

        Assert.True(unknown.ExitCode == 1, unknown.ToString());
        Assert.True(idle.ExitCode == 2 && idle.Stderr.Contains("never rolled out", StringComparison.Ordinal), idle.ToString());
        Assert.True(malformed.ExitCode == 2, malformed.ToString());
    }
}
