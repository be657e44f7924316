using BsiLedger.Domain;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Pacing;
using BsiLedger.Grains.Commands;
using BsiLedger.Testing;

namespace BsiLedger.Grains.Tests.Rollouts;

public sealed class PacedWaveTests(SimulatedSilo silo) : IClassFixture<SimulatedSilo>
{
    /// <summary>Half the fleet at 100 offers an hour, soaking a day, halting above 5% over 50 attempts.</summary>
    private static RolloutPlan HalfAtAHundredAnHour() =>
        new([new WavePlan(0.5, TimeSpan.FromHours(24), 0.05, WavePacing.Rate(100))], 50);

    [Fact]
    public async Task A_paced_wave_offers_its_slice_in_cohort_order_at_its_rate_and_nothing_beyond_how_far_its_offers_went()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(2_000);
        var release = fleet.Release('a');
        var grain = await fleet.StartedAsync(release, HalfAtAHundredAnHour());
        var started = (await grain.Status()).Release.CurrentWave!;
        silo.Clock.Advance(TimeSpan.FromHours(3));
        var wave = (await grain.Advance()).Release.CurrentWave!;

        Assert.Equal((0, TestFleet.InCohort(ids, release, 0, 0.5).Length), (started.AtStart.Targeted, started.Slice));
        Assert.Equal(300, wave.Pacing!.Offered);
        var reached = wave.ShareAt(0, 300);
        var offered = TestFleet.InCohort(ids, release, 0, reached);
        Assert.Equal(offered.Length, wave.AtStart.Targeted);
        var states = await Task.WhenAll(ids.Take(600).Select(async id => (Id: id, State: await fleet.Device(id).GetState())));
        Assert.All(states, s => Assert.Equal(Cohort.Position(release, s.Id) < reached, s.State.Device.Applied == release));
    }

    [Fact]
    public async Task A_bad_release_halts_inside_its_paced_wave_and_the_rest_of_the_slice_is_never_offered()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(2_000);
        var release = fleet.Release('a');
        foreach (var id in ids.Where((_, i) => i % 5 == 0))
        {
            silo.Agent.SetFailing(id);
        }

        var grain = await fleet.StartedAsync(release, HalfAtAHundredAnHour());
        silo.Clock.Advance(TimeSpan.FromHours(1));
        var halted = (await grain.Advance()).Release;
        silo.Clock.Advance(TimeSpan.FromDays(2));
        var later = (await grain.Advance()).Release;

        Assert.Equal(RolloutPhase.Halted, halted.Phase);
        var slice = halted.CurrentWave!.Slice!.Value;
        Assert.Equal(100, halted.CurrentWave.Pacing!.Offered);
        Assert.Equal(slice - 100, halted.CurrentWave.NotOffered);
        Assert.Equal((100, slice - 100), (halted.Halt!.Offered, halted.Halt.NotOffered));
        Assert.Equal(later.Waves, halted.Waves);
        var neverOffered = TestFleet.InCohort(ids, release, halted.CurrentWave.ShareAt(0, 100), 0.5);
        var rows = await Task.WhenAll(neverOffered.Take(100).Select(id => StoredRows.CountAsync(silo.ConnectionString, id)));
        Assert.All(rows, count => Assert.Equal(1, count));
    }
}
