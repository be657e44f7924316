using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Devices;
using BsiLedger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BsiLedger.Grains.Tests;

public sealed class DeviceGrainTests(TwoSilos silos) : IClassFixture<TwoSilos>
{
    private static readonly ReleaseId A = ReleaseId.Parse("iOS 26.3.1 (a)");

    [Fact]
    public async Task Raised_events_land_in_the_devices_stream_and_a_fresh_silo_rebuilds_the_state_from_it()
    {
        var id = UniqueIds.Device();
        var device = silos.First.GetGrain<IDeviceGrain>(id);
        await EnrollAsync(device, id);
        var provenance = new Provenance("corr-1", "cmd-1");
        Assert.Equal(CommandStatus.Accepted, (await device.Execute(new InstallBsi(id, A, Cause.Device(id)), provenance)).Status);
        await device.Execute(new ApplyBsi(id, A, Activation.Relaunch, Cause.Device(id)), Provenance.NewCommand());

        Assert.Equal([1L, 2L, 3L], await StoredRows.VersionsAsync(silos.ConnectionString, id));

        var third = await silos.StartThirdAsync();
        try
        {
            var rebuilt = await third.Services.GetRequiredService<IGrainFactory>().GetGrain<IDeviceGrain>(id).GetState();
            Assert.Equal(3, rebuilt.Version);
            Assert.Equal(A, rebuilt.Device.Applied);
            Assert.Null(rebuilt.Device.Staged);
            Assert.Equal(OsVersion.Parse("26.3.1"), rebuilt.Device.Os);
        }
        finally
        {
            await third.StopAsync(TestContext.Current.CancellationToken);
            third.Dispose();
        }
    }

    [Fact]
    public async Task A_refused_command_returns_its_typed_error_and_appends_nothing()
    {
        var id = UniqueIds.Device();
        var device = silos.First.GetGrain<IDeviceGrain>(id);
        await EnrollAsync(device, id);

        var outcome = await device.Execute(new InstallBsi(id, ReleaseId.Parse("iOS 26.4 (a)"), Cause.Device(id)), Provenance.NewCommand());

        Assert.Equal(CommandStatus.Refused, outcome.Status);
        Assert.IsType<BsiBaseVersionMismatch>(outcome.Error);
        Assert.Equal(1, await StoredRows.CountAsync(silos.ConnectionString, id));
    }

    [Fact]
    public async Task A_command_retried_after_it_took_effect_appends_no_second_event()
    {
        var id = UniqueIds.Device();
        var device = silos.First.GetGrain<IDeviceGrain>(id);
        await EnrollAsync(device, id);
        var install = new InstallBsi(id, A, Cause.Device(id));

        var first = await device.Execute(install, Provenance.NewCommand("retry-1"));
        var retried = await device.Execute(install, Provenance.NewCommand("retry-1"));

        Assert.Equal(CommandOutcome.Accepted(2, 1), first);
        Assert.Equal(CommandOutcome.AcceptedBefore(2, 1), retried);
        Assert.Equal(2, await StoredRows.CountAsync(silos.ConnectionString, id));
    }

    [Fact]
    public async Task Two_silos_sending_the_same_report_at_once_record_it_exactly_once()
    {
        for (var round = 0; round < 20; round++)
        {
            var id = UniqueIds.Device("same");
            await EnrollAsync(silos.First.GetGrain<IDeviceGrain>(id), id);
            // Both silos hold an activation at version 1 before they race.
            await silos.Second.GetGrain<IDeviceGrain>(id).GetState();
            var install = new InstallBsi(id, A, Cause.Device(id));

            var outcomes = await Task.WhenAll(
                silos.First.GetGrain<IDeviceGrain>(id).Execute(install, Provenance.NewCommand()),
                silos.Second.GetGrain<IDeviceGrain>(id).Execute(install, Provenance.NewCommand()));

            Assert.Equal([CommandStatus.Accepted, CommandStatus.Unchanged], outcomes.Select(o => o.Status).Order());
            Assert.Equal([1L, 2L], await StoredRows.VersionsAsync(silos.ConnectionString, id));
        }
    }

    [Fact]
    public async Task Two_silos_writing_different_facts_at_once_both_land_after_the_loser_re_reads()
    {
        for (var round = 0; round < 20; round++)
        {
            var id = UniqueIds.Device("both");
            await EnrollAsync(silos.First.GetGrain<IDeviceGrain>(id), id);
            await silos.Second.GetGrain<IDeviceGrain>(id).GetState();

            var outcomes = await Task.WhenAll(
                silos.First.GetGrain<IDeviceGrain>(id).Execute(new ReportInstallFailure(id, A, "first silo", Cause.Device(id)), Provenance.NewCommand()),
                silos.Second.GetGrain<IDeviceGrain>(id).Execute(new ReportInstallFailure(id, A, "second silo", Cause.Device(id)), Provenance.NewCommand()));

            Assert.All(outcomes, o => Assert.Equal(CommandStatus.Accepted, o.Status));
            Assert.Equal([2, 3], outcomes.Select(o => o.Version).Order());
            Assert.Equal([1L, 2L, 3L], await StoredRows.VersionsAsync(silos.ConnectionString, id));
        }
    }

    [Theory]
    [InlineData("apply")]
    [InlineData("withdraw")]
    public async Task A_silo_whose_activation_is_behind_answers_from_the_newest_state_not_its_own(string command)
    {
        var id = UniqueIds.Device("behind");
        await EnrollAsync(silos.First.GetGrain<IDeviceGrain>(id), id);
        var behind = silos.Second.GetGrain<IDeviceGrain>(id);
        await behind.GetState(); // holds version 1: nothing installed
        await silos.First.GetGrain<IDeviceGrain>(id).Execute(new InstallBsi(id, A, Cause.Device(id)), Provenance.NewCommand());

        // Decided on its own state, the apply would be refused (not staged) and the withdrawal a no-op.
        DeviceCommand late = command == "apply"
            ? new ApplyBsi(id, A, Activation.Restart, Cause.Device(id))
            : new WithdrawBsi(id, A, "recall-1", Cause.Operator("vendor"));
        var outcome = await behind.Execute(late, Provenance.NewCommand());

        Assert.Equal(CommandStatus.Accepted, outcome.Status);
        Assert.Equal([1L, 2L, 3L], await StoredRows.VersionsAsync(silos.ConnectionString, id));
    }

    [Theory]
    [InlineData("settings changed")]
    [InlineData("os updated")]
    public async Task A_silo_whose_activation_is_behind_never_stages_an_unpublished_release_and_lets_the_newest_rules_speak_first(string meanwhile)
    {
        var unpublished = ReleaseId.Parse("iOS 26.3.1 (z)");
        var id = UniqueIds.Device("gated");
        await EnrollAsync(silos.First.GetGrain<IDeviceGrain>(id), id);
        var behind = silos.Second.GetGrain<IDeviceGrain>(id);
        await behind.GetState(); // holds version 1: on 26.3.1, where the report's base matches
        DeviceCommand change = meanwhile == "os updated"
            ? new UpdateOs(id, OsVersion.Parse("26.4"), Cause.Device(id))
            : new ChangeSettings(id, AutoInstall: false, Managed: null, MdmPolicy: null, Cause.Device(id));
        Assert.Equal(CommandStatus.Accepted, (await silos.First.GetGrain<IDeviceGrain>(id).Execute(change, Provenance.NewCommand())).Status);

        var outcome = await behind.Execute(new InstallBsi(id, unpublished, Cause.Device(id)), Provenance.NewCommand());

        Assert.Equal(CommandStatus.Refused, outcome.Status);
        if (meanwhile == "os updated")
        {
            Assert.IsType<BsiBaseVersionMismatch>(outcome.Error);
        }
        else
        {
            Assert.IsType<ReleaseNotPublished>(outcome.Error);
        }

        Assert.Equal(2, outcome.Version);
        Assert.Equal([1L, 2L], await StoredRows.VersionsAsync(silos.ConnectionString, id));
    }

    private async Task EnrollAsync(IDeviceGrain device, string id)
    {
        await PublishedReleases.EnsureAsync(silos.First, A);
        var outcome = await device.Execute(
            new EnrollDevice(id, Platform.iOS, "iPhone18,1", OsVersion.Parse("26.3.1"), true, false, MdmPolicy.None, Cause.Operator("test")),
            Provenance.NewCommand());
        Assert.Equal(CommandStatus.Accepted, outcome.Status);
    }
}
