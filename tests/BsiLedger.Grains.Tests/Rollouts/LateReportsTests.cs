using BsiLedger.Domain;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Pacing;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Releases;
using BsiLedger.Grains.Releases.Reports;

namespace BsiLedger.Grains.Tests.Rollouts;

/// <summary>Devices that report hours after their offer: the release weighs their reports at every step, not only at a wave's end.</summary>
public sealed class LateReportsTests(SimulatedSilo silo) : IClassFixture<SimulatedSilo>
{
    [Fact]
    public async Task A_wave_offered_at_once_halts_as_its_devices_report_failures_long_before_its_soak_ends()
    {
        var (fleet, ids, release, grain) = await StartedOnLateDevicesAsync(400, TestFleet.Plan(50, (0.5, 48, 0.05), (1.0, 0, 0.05)));
        var slice = TestFleet.InCohort(ids, release, 0, 0.5);

        await ReportAsync(fleet, release, slice.Take(40), failing: 4);
        silo.Clock.Advance(TimeSpan.FromHours(1));
        var underSample = (await grain.Advance()).Release;
        await ReportAsync(fleet, release, slice.Skip(40).Take(20), failing: 2);
        silo.Clock.Advance(TimeSpan.FromHours(1));
        var halted = (await grain.Advance()).Release;

        Assert.Equal(RolloutPhase.Running, underSample.Phase);
        Assert.Equal(RolloutPhase.Halted, halted.Phase);
        Assert.Equal((0, 60, 6), (halted.Halt!.Wave, halted.Halt.Attempts, halted.Halt.Failures));
        Assert.Equal(silo.Clock.GetUtcNow(), halted.Halt.At);
        Assert.Equal(slice.Length - 60, halted.CurrentWave!.Latest.Awaiting);
    }

    [Fact]
    public async Task A_paced_wave_ramps_on_the_installs_its_devices_have_reported_not_on_its_offers()
    {
        var plan = new RolloutPlan([new WavePlan(1.0, TimeSpan.FromHours(48), 0.5, WavePacing.Rate(50, rampFactor: 2, rampEvery: 40))], 1_000);
        var (fleet, ids, release, grain) = await StartedOnLateDevicesAsync(1_000, plan);
        silo.Clock.Advance(TimeSpan.FromHours(1));
        var first = (await grain.Advance()).Release.CurrentWave!;

        // Nothing reported: the second hour is at the starting rate again.
        silo.Clock.Advance(TimeSpan.FromHours(1));
        var second = (await grain.Advance()).Release.CurrentWave!;
        // The devices offered so far: those of the slice's first tenth, about 100 (the cohort is a hash, so not exactly;
        // the first hour's twentieth held fewer than 40 often enough to fail this test now and then).
        var offered = TestFleet.InCohort(ids, release, 0, second.ShareAt(0, second.Pacing!.Offered));
        Assert.True(offered.Length >= 40, $"{offered.Length} devices offered");
        await ReportAsync(fleet, release, offered.Take(40), failing: 0);
        silo.Clock.Advance(TimeSpan.FromHours(1));
        var third = (await grain.Advance()).Release.CurrentWave!;
        silo.Clock.Advance(TimeSpan.FromHours(1));
        var fourth = (await grain.Advance()).Release.CurrentWave!;

        Assert.Equal(50, first.Pacing!.Offered);
        Assert.Equal(100, second.Pacing.Offered);
        // The hour before a step runs at the rate the step before it knew: the 40 installs double the fourth hour's.
        Assert.Equal(150, third.Pacing!.Offered);
        Assert.Equal(250, fourth.Pacing!.Offered);
    }

    [Fact]
    public async Task A_running_wave_s_report_counts_what_its_devices_have_reported_before_any_step_weighs_it()
    {
        var (fleet, ids, release, grain) = await StartedOnLateDevicesAsync(400, TestFleet.Plan(50, (0.5, 48, 0.05), (1.0, 0, 0.05)));
        var slice = TestFleet.InCohort(ids, release, 0, 0.5);
        await ReportAsync(fleet, release, slice.Take(10), failing: 2);

        var status = await grain.Status();
        var wave = ReleaseReport.From(status).Waves[0];

        Assert.Equal((slice.Length, 8, 2, 10, slice.Length - 10), (wave.Targeted, wave.Installed, wave.Failed, wave.Attempts, wave.Awaiting));
        Assert.Equal(0.2, wave.FailureRate, 1e-12);
        Assert.Equal(0, status.Release.CurrentWave!.Latest.Attempts);
    }

    [Fact]
    public async Task A_completed_or_halted_wave_keeps_the_tally_it_was_recorded_with_as_later_reports_come_in()
    {
        var (fleet, ids, release, grain) = await StartedOnLateDevicesAsync(400, TestFleet.Plan(10, (0.3, 1, 0.5), (0.6, 48, 0.05), (1.0, 0, 0.05)));
        var first = TestFleet.InCohort(ids, release, 0, 0.3);
        var second = TestFleet.InCohort(ids, release, 0.3, 0.6);
        await ReportAsync(fleet, release, first.Take(10), failing: 0);
        silo.Clock.Advance(TimeSpan.FromHours(1));
        await grain.Advance();
        await ReportAsync(fleet, release, second.Take(10), failing: 5);
        silo.Clock.Advance(TimeSpan.FromHours(1));
        var halted = (await grain.Advance()).Release;

        await ReportAsync(fleet, release, first.Skip(10).Take(10), failing: 3);
        await ReportAsync(fleet, release, second.Skip(10).Take(10), failing: 0);
        var waves = ReleaseReport.From(await grain.Status()).Waves;

        Assert.Equal((RolloutPhase.Halted, 1), (halted.Phase, halted.Halt!.Wave));
        Assert.Equal((10, 0, true), (waves[0].Installed, waves[0].Failed, waves[0].CompletedAt is not null));
        Assert.Equal((5, 5, true), (waves[1].Installed, waves[1].Failed, waves[1].Halted));
    }

    /// <summary>A rollout started on a line of its own whose devices all report later, through their own commands.</summary>
    private async Task<(TestFleet Fleet, IReadOnlyList<string> Ids, ReleaseId Release, IReleaseGrain Grain)> StartedOnLateDevicesAsync(int devices, RolloutPlan plan)
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(devices);
        foreach (var id in ids)
        {
            silo.Agent.SetReportingLater(id);
        }

        var release = fleet.Release('a');
        return (fleet, ids, release, await fleet.StartedAsync(release, plan));
    }

    /// <summary>The devices report as a live device does: the first <paramref name="failing"/> failed, the rest installed.</summary>
    private static async Task ReportAsync(TestFleet fleet, ReleaseId release, IEnumerable<string> devices, int failing)
    {
        foreach (var (id, i) in devices.Select((id, i) => (id, i)))
        {
            var self = Cause.Device(id);
            DeviceCommand report = i < failing ? new ReportInstallFailure(id, release, "disk full", self) : new InstallBsi(id, release, self);
            Assert.Equal(CommandStatus.Accepted, (await fleet.Device(id).Execute(report, Provenance.NewCommand())).Status);
        }
    }
}
