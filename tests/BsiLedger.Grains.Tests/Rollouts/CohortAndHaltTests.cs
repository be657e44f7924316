using BsiLedger.Domain;
using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Fleet;
using BsiLedger.Testing;

namespace BsiLedger.Grains.Tests.Rollouts;

public sealed class CohortAndHaltTests(SimulatedSilo silo) : IClassFixture<SimulatedSilo>
{
    [Fact]
    public async Task Each_wave_reaches_its_share_of_a_ten_thousand_device_fleet_and_exactly_the_devices_the_stable_hash_names()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(10_000);
        var release = fleet.Release('a');
        await fleet.PublishAndPlanAsync(release, TestFleet.Plan(100, (0.01, 24, 0.05), (0.10, 24, 0.05), (0.5, 24, 0.05)));
        var grain = fleet.ReleaseGrain(release);

        await grain.Start(TestFleet.Operator, Provenance.NewCommand());
        silo.Clock.Advance(TimeSpan.FromHours(24));
        await grain.Advance();
        silo.Clock.Advance(TimeSpan.FromHours(24));
        var status = await grain.Advance();

        var expected = new[] { 0.01, 0.09, 0.40 };
        for (var wave = 0; wave < 3; wave++)
        {
            var targeted = status.Release.Waves[wave].AtStart.Targeted;
            var tolerance = 4 * Math.Sqrt(ids.Count * expected[wave] * (1 - expected[wave]));
            Assert.InRange(targeted, ids.Count * expected[wave] - tolerance, ids.Count * expected[wave] + tolerance);
        }

        // The devices that have the release are exactly those whose stable position is under 50%.
        var sample = ids.Take(400).ToArray();
        var states = await Task.WhenAll(sample.Select(id => fleet.Device(id).GetState()));
        var applied = sample.Zip(states).Where(x => x.Second.Device.Applied == release).Select(x => x.First);
        Assert.Equal(TestFleet.InCohort(sample, release, 0, 0.5), applied);
    }

    [Fact]
    public async Task A_wave_whose_failure_rate_crosses_its_threshold_halts_the_rollout_with_the_figures_and_nothing_more_is_offered()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(2_000);
        var release = fleet.Release('a');
        foreach (var id in ids.Where((_, i) => i % 10 == 0))
        {
            silo.Agent.SetFailing(id);
        }

        var grain = await fleet.StartedAsync(release, TestFleet.Plan(50, (0.05, 24, 0.5), (0.3, 24, 0.05), (1.0, 0, 0.5)));
        silo.Clock.Advance(TimeSpan.FromHours(24));
        var status = await grain.Advance();

        Assert.Equal(RolloutPhase.Halted, status.Release.Phase);
        var halt = Assert.IsType<HaltRecord>(status.Release.Halt);
        var wave = status.Release.Waves[1].AtStart;
        Assert.Equal((1, wave.Attempts, wave.Failed, 0.05), (halt.Wave, halt.Attempts, halt.Failures, halt.Threshold));
        Assert.True(halt.Attempts >= 50 && halt.FailureRate > 0.05, $"halted on {halt.Failures}/{halt.Attempts}");

        silo.Clock.Advance(TimeSpan.FromDays(3));
        status = await grain.Advance();
        Assert.Equal(2, status.Release.Waves.Length);
        var lastSlice = TestFleet.InCohort(ids, release, 0.3, 1.0);
        var untouched = await Task.WhenAll(lastSlice.Take(50).Select(id => StoredRows.CountAsync(silo.ConnectionString, id)));
        Assert.All(untouched, rows => Assert.Equal(1, rows));

        var resumed = await grain.Execute(new Domain.Releases.Commands.ResumeRollout(release, TestFleet.Operator), Provenance.NewCommand());
        Assert.Equal(CommandStatus.Accepted, resumed.Status);
        status = await grain.Status();
        Assert.Equal(RolloutPhase.Completed, status.Release.Phase);
    }

    [Fact]
    public async Task A_wave_re_driven_after_a_timeout_or_a_restart_doubles_no_event()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(300);
        var release = fleet.Release('a');
        var grain = await fleet.StartedAsync(release, TestFleet.Plan(10, (0.5, 24, 0.05), (1.0, 0, 0.05)));
        var before = await Task.WhenAll(ids.Select(id => StoredRows.CountAsync(silo.ConnectionString, id)));

        var offer = new ReleaseOffer(release, Domain.Devices.Activation.Relaunch, 0, 0, 0.5, Provenance.NewCommand());
        var again = await Task.WhenAll(Enumerable.Range(0, 64).Select(shard => silo.Grains.GetGrain<IFleetShardGrain>(shard).Offer(offer)));
        var after = await Task.WhenAll(ids.Select(id => StoredRows.CountAsync(silo.ConnectionString, id)));

        Assert.Equal(before, after);
        Assert.Equal((await grain.Status()).Release.Waves[0].AtStart.Applied, again.Sum(t => t.Applied));
        Assert.Equal(CommandStatus.Refused, (await grain.Start(TestFleet.Operator, Provenance.NewCommand())).Status);
    }
}
