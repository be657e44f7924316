using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Devices;
using BsiLedger.Host;
using BsiLedger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BsiLedger.Grains.Tests;

/// <summary>A silo, with its projections' daemon, whose every query goes through PgBouncer 1.18 in transaction pooling mode.</summary>
public sealed class PgBouncerGrainTests(PgBouncerPostgres pooler) : IClassFixture<PgBouncerPostgres>
{
    private static readonly ReleaseId Release = ReleaseId.Parse("iOS 26.3.1 (a)");

    [Fact]
    public async Task Without_auto_prepare_device_grains_enroll_and_install_at_once_and_each_stream_holds_both_events()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = PgBouncerPostgres.WithoutAutoPrepare(await pooler.CreateDatabaseAsync());
        using var host = await LedgerHost.StartAsync(new LedgerHostOptions(connection) { Telemetry = TelemetryMode.None, RunsProjections = true }, ct);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        await PublishedReleases.EnsureAsync(grains, Release);
        var ids = Enumerable.Range(0, 200).Select(_ => UniqueIds.Device("pooled")).ToArray();

        var installs = await Task.WhenAll(ids.Select(async id =>
        {
            var device = grains.GetGrain<IDeviceGrain>(id);
            await device.Execute(new EnrollDevice(id, Platform.iOS, "iPhone18,1", OsVersion.Parse("26.3.1"), true, false, MdmPolicy.None, Cause.Operator("test")), Provenance.NewCommand());
            return await device.Execute(new InstallBsi(id, Release, Cause.Device(id)), Provenance.NewCommand());
        }));
        await host.StopAsync(ct);

        Assert.All(installs, outcome => Assert.Equal(CommandStatus.Accepted, outcome.Status));
        Assert.All(ids.Take(20), id => Assert.Equal([1L, 2L], StoredRows.VersionsAsync(connection, id).Result));
    }
}
