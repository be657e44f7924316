using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.EventStore.Marten;
using BsiLedger.Grains.Commands;
using Marten;

namespace BsiLedger.Grains.Tests.Rollouts;

public sealed class EligibilityTests(SimulatedSilo silo) : IClassFixture<SimulatedSilo>
{
    [Fact]
    public async Task Auto_install_off_and_a_forbidding_mdm_policy_are_skipped_with_the_reason_recorded_and_counted_and_nothing_installed()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(300, i => (i % 3) switch
        {
            0 => new EnrollDevice("", Platform.iOS, "iPhone18,1", fleet.Base, false, false, MdmPolicy.None, TestFleet.Operator),
            1 => new EnrollDevice("", Platform.iOS, "iPhone18,1", fleet.Base, false, true, MdmPolicy.Forbid, TestFleet.Operator),
            _ => new EnrollDevice("", Platform.iOS, "iPhone18,1", fleet.Base, false, true, MdmPolicy.Allow, TestFleet.Operator),
        });
        var release = fleet.Release('a');
        await fleet.PublishAndPlanAsync(release, TestFleet.Plan(10, (1.0, 0, 0.5)));

        await fleet.ReleaseGrain(release).Start(TestFleet.Operator, Provenance.NewCommand());

        var wave = (await fleet.ReleaseGrain(release).Status()).Release.Waves[0].AtStart;
        Assert.Equal((100, 100, 100, 300), (wave.Skipped.AutoInstallOff, wave.Skipped.MdmForbids, wave.Applied, wave.Targeted));
        var states = await Task.WhenAll(ids.Select(id => fleet.Device(id).GetState()));
        for (var i = 0; i < ids.Count; i++)
        {
            var device = states[i].Device;
            Assert.Equal(i % 3 == 2 ? release : null, device.Applied);
            SkipReason? expected = (i % 3) switch { 0 => SkipReason.AutoInstallOff, 1 => SkipReason.MdmForbids, _ => null };
            Assert.Equal(expected, device.Skipped.TryGetValue(release, out var reason) ? reason : null);
        }
    }

    [Fact]
    public async Task An_offline_device_receives_nothing_and_takes_the_owed_install_at_its_next_check_in()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(200);
        var offline = ids.Take(20).ToArray();
        foreach (var id in offline)
        {
            silo.Agent.SetOffline(id, true);
        }

        var release = fleet.Release('a');
        await fleet.PublishAndPlanAsync(release, TestFleet.Plan(10, (1.0, 0, 0.5)));
        await fleet.ReleaseGrain(release).Start(TestFleet.Operator, Provenance.NewCommand());

        var wave = (await fleet.ReleaseGrain(release).Status()).Release.Waves[0].AtStart;
        Assert.Equal((20, 180), (wave.Skipped.Offline, wave.Applied));
        Assert.All(await Task.WhenAll(offline.Select(id => fleet.Device(id).GetState())), s => Assert.Null(s.Device.Applied));

        var report = await fleet.Device(offline[0]).CheckIn(Provenance.NewCommand());
        Assert.Equal((release, OfferOutcome.Applied), (report.Offered, report.Outcome));
        Assert.Equal(release, (await fleet.Device(offline[0]).GetState()).Device.Applied);
    }

    [Fact]
    public async Task A_later_letter_reaches_devices_on_the_earlier_one_and_the_earlier_never_installs_over_it()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(100);
        var (a, b) = (fleet.Release('a'), fleet.Release('b'));
        await fleet.PublishAndPlanAsync(a, TestFleet.Plan(10, (0.5, 0, 0.5)));
        await fleet.ReleaseGrain(a).Start(TestFleet.Operator, Provenance.NewCommand());
        await fleet.PublishAndPlanAsync(b, TestFleet.Plan(10, (1.0, 0, 0.5)), supersedes: a);
        await fleet.ReleaseGrain(b).Start(TestFleet.Operator, Provenance.NewCommand());

        var states = await Task.WhenAll(ids.Select(id => fleet.Device(id).GetState()));
        Assert.All(states, s => Assert.Equal(b, s.Device.Applied));

        var late = await fleet.Device(ids[0]).Execute(new InstallBsi(ids[0], a, Cause.Device(ids[0])), Provenance.NewCommand());
        Assert.IsType<Domain.Devices.Errors.OlderLetterRefused>(late.Error);
        var offered = await fleet.Device(ids[1]).Offer(new Fleet.ReleaseOffer(a, Activation.Relaunch, 0, 0, 1, Provenance.NewCommand()));
        Assert.Equal(OfferOutcome.Ineligible, offered);
    }

    [Fact]
    public async Task Pause_and_resume_are_recorded_with_who_did_them_and_a_paused_rollout_does_not_move_on()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        await fleet.EnrollAsync(100);
        var release = fleet.Release('a');
        var grain = await fleet.StartedAsync(release, TestFleet.Plan(10, (0.2, 24, 0.5), (1.0, 0, 0.5)));

        var pause = await grain.Execute(new PauseRollout(release, Cause.Operator("alice")), Provenance.NewCommand());
        silo.Clock.Advance(TimeSpan.FromDays(2));
        var paused = await grain.Advance();
        Assert.Equal((CommandStatus.Accepted, RolloutPhase.Paused, 1), (pause.Status, paused.Release.Phase, paused.Release.Waves.Length));

        await grain.Execute(new ResumeRollout(release, Cause.Operator("bob")), Provenance.NewCommand());
        Assert.Equal(RolloutPhase.Completed, (await grain.Status()).Release.Phase);

        await using var store = LedgerStoreOptions.CreateStore(silo.ConnectionString);
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(release.ToString(), token: TestContext.Current.CancellationToken);
        Assert.Equal("operator:alice", events.Select(e => e.Data).OfType<Domain.Releases.Events.RolloutPaused>().Single().Cause.ToString());
        Assert.Equal("operator:bob", events.Select(e => e.Data).OfType<Domain.Releases.Events.RolloutResumed>().Single().Cause.ToString());
    }
}
