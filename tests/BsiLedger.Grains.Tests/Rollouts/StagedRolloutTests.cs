using BsiLedger.Domain;
using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Commands;

namespace BsiLedger.Grains.Tests.Rollouts;

public sealed class StagedRolloutTests(SimulatedSilo silo) : IClassFixture<SimulatedSilo>
{
    [Fact]
    public async Task A_three_wave_rollout_offers_each_slice_in_turn_and_completes_on_the_virtual_clock()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(600);
        var release = fleet.Release('a');
        await fleet.PublishAndPlanAsync(release, TestFleet.Plan(20, (0.1, 24, 0.05), (0.5, 48, 0.05), (1.0, 0, 0.05)));
        var grain = fleet.ReleaseGrain(release);

        var started = await grain.Start(TestFleet.Operator, Provenance.NewCommand());
        Assert.Equal(CommandStatus.Accepted, started.Status);
        var status = await grain.Status();
        Assert.Equal(RolloutPhase.Running, status.Release.Phase);
        Assert.Equal(TestFleet.InCohort(ids, release, 0, 0.1).Length, status.Release.Waves[0].AtStart.Applied);

        silo.Clock.Advance(TimeSpan.FromHours(24));
        status = await grain.Advance();
        Assert.Equal(2, status.Release.Waves.Length);
        Assert.Equal(TestFleet.InCohort(ids, release, 0.1, 0.5).Length, status.Release.Waves[1].AtStart.Applied);

        silo.Clock.Advance(TimeSpan.FromHours(48));
        status = await grain.Advance();
        Assert.Equal(RolloutPhase.Completed, status.Release.Phase);
        Assert.Equal(ids.Count, status.Release.Waves.Sum(w => w.Latest.Applied));
    }
}
