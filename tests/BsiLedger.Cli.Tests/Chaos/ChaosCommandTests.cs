using System.Text.Json;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests.Chaos;

/// <summary>
/// <c>bsi chaos</c> itself, small: two <c>bsi serve</c> children on an empty database of their own, 300 devices, a
/// SIGKILL every 8 s for 25 s of rollout. Nothing may be lost or doubled, and chaos.json must say so.
/// </summary>
public sealed class ChaosCommandTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Two_silos_killed_in_turn_lose_and_double_nothing_and_chaos_json_says_so()
    {
        var directory = Path.Combine(Path.GetTempPath(), "bsi-chaos-" + Guid.NewGuid().ToString("N")[..12]);
        var connection = await postgres.CreateDatabaseAsync();

        var run = await Bsi.RunAsync(
            ["chaos", "--silos", "2", "--devices", "300", "--kill-every", "8s", "--duration", "25s", "--out", directory, "--connection", connection, "--json"],
            timeout: TimeSpan.FromMinutes(8));

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "chaos.json"), TestContext.Current.CancellationToken)).RootElement;
        var kills = result.GetProperty("kills").GetInt32();
        Assert.InRange(kills, 1, 3);
        Assert.Equal((0L, 0L, 0), (result.GetProperty("lost").GetInt64(), result.GetProperty("doubled").GetInt64(), result.GetProperty("violations").GetArrayLength()));
        // 300 enrolments, and rollout events beyond them: the fix is paced over the rest of the run, so not every device has it.
        Assert.True(result.GetProperty("events").GetInt64() > 350, $"the devices enrolled and the rollout reached some: {result.GetProperty("events")} events");
        Assert.True(result.GetProperty("recallCompletedInDrain").GetBoolean());
        var untilNext = result.GetProperty("killToNextEventSeconds").EnumerateArray().ToArray();
        Assert.Equal(kills, untilNext.Length);
        Assert.All(untilNext, seconds => Assert.True(seconds.GetDouble() >= 0));
        Assert.Equal(untilNext.Max(s => s.GetDouble()), result.GetProperty("killToNextEventWorstSeconds").GetDouble());
        // --json prints the same document; progress went to stderr; each silo kept its log.
        Assert.Equal(result.GetProperty("events").GetInt64(), run.Json().GetProperty("events").GetInt64());
        Assert.Contains("kill 1: SIGKILL to silo", run.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "silo-1.log")) && File.Exists(Path.Combine(directory, "silo-2.log")));
    }
}
