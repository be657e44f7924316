using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Devices;
using BsiLedger.Host;
using BsiLedger.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BsiLedger.Grains.Tests;

public sealed class UnknownOutcomeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_command_retried_after_its_append_committed_but_failed_to_answer_appends_nothing_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        CommitThenFailJournal? journal = null;
        using var host = await LedgerHost.StartAsync(new LedgerHostOptions(postgres.ConnectionString)
        {
            Telemetry = TelemetryMode.None,
            ConfigureServices = services => services.AddSingleton<IEventJournal>(provider =>
                journal = new CommitThenFailJournal(new MartenEventJournal(provider.GetRequiredService<IDocumentStore>(), new JournalOptions()))),
        }, ct);
        var id = UniqueIds.Device("flaky");
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        await PublishedReleases.EnsureAsync(grains, ReleaseId.Parse("iOS 26.3.1 (a)"));
        var device = grains.GetGrain<IDeviceGrain>(id);
        await device.Execute(
            new EnrollDevice(id, Platform.iOS, "iPhone18,1", OsVersion.Parse("26.3.1"), true, false, MdmPolicy.None, Cause.Operator("test")),
            Provenance.NewCommand());

        journal!.FailAfterCommit.Add(id);
        var install = new InstallBsi(id, ReleaseId.Parse("iOS 26.3.1 (a)"), Cause.Device(id));
        await Assert.ThrowsAsync<JournalUnavailableException>(() => device.Execute(install, Provenance.NewCommand("try-1")));
        var retried = await device.Execute(install, Provenance.NewCommand("try-1"));

        Assert.Equal(CommandOutcome.AcceptedBefore(2, 1), retried);
        Assert.Equal([1L, 2L], await StoredRows.VersionsAsync(postgres.ConnectionString, id));
        await host.StopAsync(ct);
    }
}
