using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Devices;
using BsiLedger.Grains.Releases;
using BsiLedger.Testing;

namespace BsiLedger.Grains.Tests;

/// <summary>
/// Whether a release may be installed is the ledger's answer, not what one process heard: two processes on one
/// database, each with its own line of releases in memory.
/// </summary>
public sealed class ReleaseGateTests(TwoSilos silos) : IClassFixture<TwoSilos>
{
    [Fact]
    public async Task A_recall_made_in_another_process_refuses_every_report_of_the_release_here()
    {
        var release = NewRelease('a');
        await PublishAsync(silos.First, release);
        var (installed, later) = (await EnrollAsync(release), await EnrollAsync(release));
        // The first process's line now knows the release as published and offered.
        Assert.Equal(CommandStatus.Accepted, (await Report(silos.First, new InstallBsi(installed, release, Cause.Device(installed)))).Status);

        var recall = await silos.Second.GetGrain<IReleaseGrain>(release.ToString()).Recall("breaks sign-in pages", Cause.Operator("vendor"), Provenance.NewCommand());
        Assert.Equal(CommandStatus.Accepted, recall.Status);

        var install = await Report(silos.First, new InstallBsi(later, release, Cause.Device(later)));
        var failure = await Report(silos.First, new ReportInstallFailure(later, release, "signing service refused", Cause.Device(later)));

        Assert.IsType<ReleaseRecalled>(install.Error);
        Assert.IsType<ReleaseRecalled>(failure.Error);
        Assert.Equal(1, await StoredRows.CountAsync(silos.ConnectionString, later));
    }

    [Fact]
    public async Task A_release_published_in_another_process_installs_here()
    {
        var first = NewRelease('a');
        await PublishAsync(silos.First, first);
        var device = await EnrollAsync(first);
        Assert.Equal(CommandStatus.Accepted, (await Report(silos.First, new InstallBsi(device, first, Cause.Device(device)))).Status);

        var second = first with { Letter = 'b' };
        await PublishAsync(silos.Second, second);
        var install = await Report(silos.First, new InstallBsi(device, second, Cause.Device(device)));

        Assert.Equal(CommandStatus.Accepted, install.Status);
    }

    private static ReleaseId NewRelease(char letter) => new(Platform.iOS, OsVersion.Parse(UniqueIds.BaseVersion()), letter);

    private static async Task PublishAsync(IGrainFactory grains, ReleaseId release)
    {
        var outcome = await grains.GetGrain<IReleaseGrain>(release.ToString()).Execute(
            new PublishRelease(release, ["WebKit"], [], Activation.Restart, null, Cause.Operator("test")), Provenance.NewCommand());
        Assert.Equal(CommandStatus.Accepted, outcome.Status);
    }

    private async Task<string> EnrollAsync(ReleaseId release)
    {
        var id = UniqueIds.Device("gate");
        var outcome = await Report(silos.First, new EnrollDevice(id, release.Platform, "iPhone18,1", release.Base, true, false, MdmPolicy.None, Cause.Operator("test")));
        Assert.Equal(CommandStatus.Accepted, outcome.Status);
        return id;
    }

    private static Task<CommandOutcome> Report(IGrainFactory grains, DeviceCommand command) =>
        grains.GetGrain<IDeviceGrain>(command.DeviceId).Execute(command, Provenance.NewCommand());
}
