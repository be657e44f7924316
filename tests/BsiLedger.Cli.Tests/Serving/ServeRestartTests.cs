using System.Diagnostics;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests.Serving;

/// <summary>
/// <c>kill -9</c> of a serving silo in the middle of a wave, then a new one on the same database: the rollout carries on by
/// itself to the outcome an uninterrupted one has, every wave started and completed exactly once, and every command the
/// killed process acknowledged is in the ledger exactly once.
/// </summary>
public sealed class ServeRestartTests(PostgresFixture postgres)
{
    private const int Devices = 1200;

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_silo_killed_as_a_wave_goes_out_and_restarted_finishes_the_rollout_as_an_uninterrupted_one_would(int killedInWave)
    {
        // A database of its own: the restarted silo wakes every release it finds, and must find no other test's.
        var database = await postgres.CreateDatabaseAsync();
        var rollout = new ServedRollout(database, [0.1, 0.3, 0.6, 1.0]);
        List<(string Type, int Wave)> atKill;
        (IReadOnlyCollection<string> Attempted, IReadOnlySet<string> Acknowledged, IReadOnlyCollection<System.Net.HttpStatusCode>) reports;
        await using (var first = await ServedBsi.StartAsync(database, Tick))
        {
            await rollout.EnrollAsync(first.Http, Devices);
            await rollout.StartAsync(first.Http);
            var enrolments = new EnrolmentsInBackground(first.Http, rollout.Line);
            // Right after a wave completes, the next one's offers are going out.
            await rollout.WaitForAsync(events => events.Contains(("bsi.wave-completed", killedInWave - 1)));
            first.Kill();
            atKill = await rollout.EventsAsync();
            reports = await enrolments.StopAsync();
        }

        var restarted = Stopwatch.StartNew();
        await using var second = await ServedBsi.StartAsync(database, Tick);
        await rollout.WaitForAsync(events => events.Count > atKill.Count);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"killed after {atKill.Count} release events; the next was appended {restarted.Elapsed.TotalSeconds:F1} s after the restart began");
        var events = await rollout.WaitForAsync(events => events.Contains(("bsi.wave-completed", 3)));

        Assert.Equal(rollout.Expected(), events);
        Assert.Equal(rollout.ExpectedTargets(), await rollout.TargetedAsync());
        Assert.NotEmpty(reports.Acknowledged);
        foreach (var id in reports.Attempted)
        {
            var stored = await StoredRows.CountAsync(database, id);
            Assert.Equal(reports.Acknowledged.Contains(id) ? 1 : stored, stored);
            Assert.InRange(stored, 0, 1);
        }

        foreach (var id in rollout.Fleet.Take(100))
        {
            Assert.Equal(1, await StoredRows.CountAsync(database, id));
        }

        var verify = await Bsi.RunAsync(["audit", "verify", "--connection", database, "--telemetry", "none"]);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }
}
