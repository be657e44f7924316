using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests.Serving;

/// <summary><c>bsi watch</c> against a served silo, its output redirected as a script's would be: one line per look.</summary>
public sealed class WatchCommandTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Watching_a_rollout_prints_its_waves_and_rates_until_it_completes_then_exits_0()
    {
        var database = await postgres.CreateDatabaseAsync();
        // Soaks long enough that the watch, however slowly its process starts on a busy machine, sees the rollout running.
        var rollout = new ServedRollout(database, [0.5, 1.0], soak: "15s");
        await using var served = await ServedBsi.StartAsync(database, TimeSpan.FromMilliseconds(200));
        await rollout.EnrollAsync(served.Http, 40);
        await rollout.StartAsync(served.Http);

        var watched = await Bsi.RunAsync(["watch", rollout.Release.ToString(), "--url", served.Http.BaseAddress!.ToString(), "--every", "00:00:00.2"],
            new Dictionary<string, string> { ["BSILEDGER_TOKEN"] = ServedBsi.OperatorToken });

        Assert.True(watched.ExitCode == 0, watched.ToString());
        var lines = watched.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => line.Contains($"{rollout.Release} running", StringComparison.Ordinal) && line.Contains("wave ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("per second: offers", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("halts above 50%", StringComparison.Ordinal));
        Assert.Contains($"{rollout.Release} completed · wave 2/2 (100%)", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_release_is_exit_1_and_no_server_is_exit_3_each_saying_so()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var served = await ServedBsi.StartAsync(database, TimeSpan.FromSeconds(30));
        var token = new Dictionary<string, string> { ["BSILEDGER_TOKEN"] = ServedBsi.OperatorToken };
        var url = served.Http.BaseAddress!.ToString();

        var unknown = await Bsi.RunAsync(["watch", "iOS 26.3.1 (q)", "--url", url], token);
        await served.DisposeAsync();
        var nobody = await Bsi.RunAsync(["watch", "iOS 26.3.1 (q)", "--url", url], token);

        Assert.True(unknown.ExitCode == 1, unknown.ToString());
        Assert.Contains("'iOS 26.3.1 (q)' is not published", unknown.Stderr, StringComparison.Ordinal);
        Assert.True(nobody.ExitCode == 3, nobody.ToString());
        Assert.Contains("could not reach bsi serve", nobody.Stderr, StringComparison.Ordinal);
    }
}
