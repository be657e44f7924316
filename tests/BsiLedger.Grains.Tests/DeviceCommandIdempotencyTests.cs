using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Journal;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Devices;
using BsiLedger.Grains.Fleet;
using BsiLedger.Grains.Tests.Rollouts;
using BsiLedger.Testing;

namespace BsiLedger.Grains.Tests;

public sealed class DeviceCommandIdempotencyTests(FlakySilo silo) : IClassFixture<FlakySilo>
{
    [Theory]
    [InlineData("enroll")]
    [InlineData("install")]
    [InlineData("apply")]
    [InlineData("fail")]
    [InlineData("uninstall")]
    [InlineData("os-update")]
    [InlineData("settings")]
    public async Task A_device_command_retried_with_its_id_after_the_answer_was_lost_answers_the_first_outcome_and_appends_nothing(string kind)
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var release = fleet.Release('a');
        await fleet.PublishAndPlanAsync(release, TestFleet.Plan(10, (1.0, 0, 0.5)));
        var id = UniqueIds.Device(kind);
        var device = silo.Grains.GetGrain<IDeviceGrain>(id);
        var self = Cause.Device(id);
        if (kind != "enroll")
        {
            await AcceptedAsync(device, Enroll(id, fleet.Base));
        }

        if (kind is "apply" or "uninstall")
        {
            await AcceptedAsync(device, new InstallBsi(id, release, self));
        }

        DeviceCommand command = kind switch
        {
            "enroll" => Enroll(id, fleet.Base),
            "install" => new InstallBsi(id, release, self),
            "apply" => new ApplyBsi(id, release, Activation.Relaunch, self),
            "fail" => new ReportInstallFailure(id, release, "signing service unreachable", self),
            "uninstall" => new UninstallAll(id, self),
            "os-update" => new UpdateOs(id, OsVersion.Parse("99.1"), self),
            _ => new ChangeSettings(id, false, null, null, TestFleet.Operator),
        };

        await DroppedAnswer.SendTwiceAsync(silo, id, provenance => device.Execute(command, provenance));
    }

    [Fact]
    public async Task A_failure_reported_twice_under_one_id_is_one_failure_and_under_two_ids_two()
    {
        var (fleet, release, id) = await EnrolledAsync("fail-twice");
        var device = fleet.Device(id);
        var failure = new ReportInstallFailure(id, release, "signing service unreachable", Cause.Device(id));
        var once = Provenance.NewCommand();

        var first = await device.Execute(failure, once);
        var again = await device.Execute(failure, once);
        var another = await device.Execute(failure, Provenance.NewCommand());

        Assert.Equal(CommandOutcome.Accepted(2, 1), first);
        Assert.Equal(CommandOutcome.AcceptedBefore(2, 1), again);
        Assert.Equal(CommandOutcome.Accepted(3, 1), another);
        Assert.Equal([1L, 2L, 3L], await StoredRows.VersionsAsync(silo.ConnectionString, id));
    }

    [Fact]
    public async Task An_install_retried_after_an_uninstall_came_between_is_not_installed_again()
    {
        var (fleet, release, id) = await EnrolledAsync("reinstall");
        var device = fleet.Device(id);
        var install = Provenance.NewCommand();
        await AcceptedAsync(device, new InstallBsi(id, release, Cause.Device(id)), install);
        await AcceptedAsync(device, new UninstallAll(id, Cause.Device(id)));

        var retried = await device.Execute(new InstallBsi(id, release, Cause.Device(id)), install);

        Assert.Equal(CommandOutcome.AcceptedBefore(2, 1), retried);
        Assert.Equal(3, await StoredRows.CountAsync(silo.ConnectionString, id));
        Assert.Null((await device.GetState()).Device.Staged);
    }

    [Fact]
    public async Task A_check_in_retried_after_its_withdrawal_committed_reports_the_withdrawal_again_and_appends_nothing()
    {
        var (fleet, release, id) = await EnrolledAsync("check-in");
        var device = fleet.Device(id);
        await AcceptedAsync(device, new InstallBsi(id, release, Cause.Device(id)));
        silo.Agent.SetOffline(id, true);
        var recall = await fleet.ReleaseGrain(release).Recall("breaks sign-in pages", TestFleet.Operator, Provenance.NewCommand());
        Assert.Equal(CommandStatus.Accepted, recall.Status);
        silo.Agent.SetOffline(id, false);
        var checkIn = Provenance.NewCommand();
        silo.Journal.FailAfterCommit.Add(id);
        await Assert.ThrowsAsync<JournalUnavailableException>(() => device.CheckIn(checkIn));
        var stored = await StoredRows.CountAsync(silo.ConnectionString, id);

        var report = await device.CheckIn(checkIn);

        Assert.Equal([release], report.Withdrawn);
        Assert.Equal(stored, await StoredRows.CountAsync(silo.ConnectionString, id));
        Assert.Empty((await device.CheckIn(Provenance.NewCommand())).Withdrawn);
    }

    [Fact]
    public async Task Two_releases_recalled_under_one_command_id_are_each_withdrawn_from_the_device()
    {
        var (fleet, first, id) = await EnrolledAsync("same-key");
        var device = fleet.Device(id);
        var second = fleet.Release('b');
        await fleet.PublishAndPlanAsync(second, TestFleet.Plan(10, (1.0, 0, 0.5)));
        // Keys are per route: an operator's ticket number may well recall two releases.
        var ticket = Provenance.NewCommand("ticket-4711");
        await AcceptedAsync(device, new InstallBsi(id, first, Cause.Device(id)));
        Assert.Equal(CommandStatus.Accepted, (await fleet.ReleaseGrain(first).Recall("breaks sign-in pages", TestFleet.Operator, ticket)).Status);
        await AcceptedAsync(device, new InstallBsi(id, second, Cause.Device(id)));
        var stored = await StoredRows.CountAsync(silo.ConnectionString, id);

        Assert.Equal(CommandStatus.Accepted, (await fleet.ReleaseGrain(second).Recall("breaks sign-in pages too", TestFleet.Operator, ticket)).Status);

        Assert.Equal(stored + 1, await StoredRows.CountAsync(silo.ConnectionString, id));
        Assert.True((await fleet.ReleaseGrain(second).Status()).Release.Recall?.IsComplete, "the second recall completed");
    }

    [Fact]
    public async Task A_check_in_retried_after_its_offer_committed_appends_nothing()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var release = fleet.Release('a');
        await fleet.PublishAndPlanAsync(release, TestFleet.Plan(10, (1.0, 0, 0.5)));
        var ids = await fleet.EnrollAsync(4);
        foreach (var offline in ids)
        {
            silo.Agent.SetOffline(offline, true);
        }

        Assert.Equal(CommandStatus.Accepted, (await fleet.ReleaseGrain(release).Start(TestFleet.Operator, Provenance.NewCommand())).Status);
        var id = ids[0];
        silo.Agent.SetFailing(id);

        var report = await DroppedCheckInAsync(fleet.Device(id));

        Assert.Equal(OfferOutcome.Failed, report.Outcome);
        Assert.Equal(2, await StoredRows.CountAsync(silo.ConnectionString, id));
    }

    [Fact]
    public async Task A_wave_offered_again_to_a_device_appends_nothing_even_where_the_rules_would_install_again()
    {
        var (fleet, release, id) = await EnrolledAsync("offered");
        var device = fleet.Device(id);
        var offer = new ReleaseOffer(release, Activation.Relaunch, 0, 0, 1, Provenance.NewCommand());
        Assert.Equal(OfferOutcome.Applied, await device.Offer(offer));
        await AcceptedAsync(device, new UninstallAll(id, Cause.Device(id)));
        var stored = await StoredRows.CountAsync(silo.ConnectionString, id);

        await device.Offer(offer with { Provenance = Provenance.NewCommand() });

        Assert.Equal(stored, await StoredRows.CountAsync(silo.ConnectionString, id));
        Assert.Equal(OfferOutcome.Applied, await device.Offer(offer with { Wave = 1 }));
    }

    private async Task<CheckInReport> DroppedCheckInAsync(IDeviceGrain device)
    {
        var id = device.GetPrimaryKeyString();
        var checkIn = Provenance.NewCommand();
        silo.Journal.FailAfterCommit.Add(id);
        await Assert.ThrowsAsync<JournalUnavailableException>(() => device.CheckIn(checkIn));
        var stored = await StoredRows.CountAsync(silo.ConnectionString, id);
        var report = await device.CheckIn(checkIn);
        Assert.Equal(stored, await StoredRows.CountAsync(silo.ConnectionString, id));
        return report;
    }

    private async Task<(TestFleet Fleet, ReleaseId Release, string Id)> EnrolledAsync(string name)
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var release = fleet.Release('a');
        await fleet.PublishAndPlanAsync(release, TestFleet.Plan(10, (1.0, 0, 0.5)));
        var id = UniqueIds.Device(name);
        await AcceptedAsync(fleet.Device(id), Enroll(id, fleet.Base));
        return (fleet, release, id);
    }

    private static EnrollDevice Enroll(string id, OsVersion os) =>
        new(id, Platform.iOS, "iPhone18,1", os, true, false, MdmPolicy.None, TestFleet.Operator);

    private static async Task AcceptedAsync(IDeviceGrain device, DeviceCommand command, Provenance? provenance = null) =>
        Assert.Equal(CommandStatus.Accepted, (await device.Execute(command, provenance ?? Provenance.NewCommand())).Status);
}
