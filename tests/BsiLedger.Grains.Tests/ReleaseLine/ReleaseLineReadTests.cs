using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Releases;
using BsiLedger.Host;
using BsiLedger.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BsiLedger.Grains.Tests.ReleaseLine;

/// <summary>
/// A line of releases learns what other processes did to its releases by reading their streams again every second:
/// only what each stream gained since, however long the releases' histories grow.
/// </summary>
public sealed class ReleaseLineReadTests(PostgresFixture postgres)
{
    private static readonly TimeSpan ReadAgainAfter = TimeSpan.FromSeconds(1.2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_recall_made_in_another_process_is_read_from_where_the_line_left_off()
    {
        var journal = default(ReadRecordingJournal);
        using var here = await StartAsync(services => services.AddSingleton<IEventJournal>(provider =>
            journal = new ReadRecordingJournal(new MartenEventJournal(provider.GetRequiredService<IDocumentStore>(), new JournalOptions()))));
        using var elsewhere = await StartAsync(configure: null);
        var release = new ReleaseId(Platform.iOS, OsVersion.Parse(UniqueIds.BaseVersion()), 'a');
        var line = Grains(here).GetGrain<IReleaseLineGrain>(ProductLine.Of(release));
        try
        {
            await ExecuteAsync(here, release, new PublishRelease(release, ["WebKit"], [], Activation.Restart, null, Cause.Operator("test")));
            Assert.Null(Assert.Single(await line.Releases()).RecallId);
            await Task.Delay(ReadAgainAfter, Ct);
            await line.Releases();
            var readBefore = journal!.Reads.Count;

            var recall = await Grains(elsewhere).GetGrain<IReleaseGrain>(release.ToString()).Recall("breaks sign-in pages", Cause.Operator("vendor"), Provenance.NewCommand());
            Assert.Equal(CommandStatus.Accepted, recall.Status);
            await Task.Delay(ReadAgainAfter, Ct);
            var summary = Assert.Single(await line.Releases());

            Assert.NotNull(summary.RecallId);
            Assert.NotNull(summary.RecallIssuedAt);
            var since = journal.Reads.Skip(readBefore).Where(read => read.StreamId == release.ToString()).ToList();
            Assert.NotEmpty(since);
            // Published is version 1: the line folded it once and asks only for what came after.
            Assert.All(since, read => Assert.Equal(1, read.AfterVersion));
        }
        finally
        {
            await here.StopAsync(Ct);
            await elsewhere.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task A_summary_pushed_late_by_a_grain_gives_way_to_the_ledger_within_a_second()
    {
        using var host = await StartAsync(configure: null);
        var release = new ReleaseId(Platform.iOS, OsVersion.Parse(UniqueIds.BaseVersion()), 'a');
        var line = Grains(host).GetGrain<IReleaseLineGrain>(ProductLine.Of(release));
        try
        {
            await ExecuteAsync(host, release, new PublishRelease(release, ["WebKit"], [], Activation.Restart, null, Cause.Operator("test")));
            var recall = await Grains(host).GetGrain<IReleaseGrain>(release.ToString()).Recall("breaks sign-in pages", Cause.Operator("vendor"), Provenance.NewCommand());
            Assert.Equal(CommandStatus.Accepted, recall.Status);
            await Task.Delay(ReadAgainAfter, Ct);
            var recalled = Assert.Single(await line.Releases());

            // What a grain that had not heard of the recall would push.
            await line.Update(recalled with { RecallId = null, RecallIssuedAt = null });
            await Task.Delay(ReadAgainAfter, Ct);

            Assert.Equal(recalled, Assert.Single(await line.Releases()));
        }
        finally
        {
            await host.StopAsync(Ct);
        }
    }

    private static IGrainFactory Grains(IHost host) => host.Services.GetRequiredService<IGrainFactory>();

    private static async Task ExecuteAsync(IHost host, ReleaseId release, ReleaseCommand command) =>
        Assert.Equal(CommandStatus.Accepted, (await Grains(host).GetGrain<IReleaseGrain>(release.ToString()).Execute(command, Provenance.NewCommand())).Status);

    private Task<IHost> StartAsync(Action<IServiceCollection>? configure) =>
        LedgerHost.StartAsync(new LedgerHostOptions(postgres.ConnectionString) { Telemetry = TelemetryMode.None, ConfigureServices = configure }, Ct);
}
