using BsiLedger.Domain;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Journal;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Fleet;
using BsiLedger.Grains.Tests.Rollouts;
using BsiLedger.Host;
using BsiLedger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BsiLedger.Grains.Tests;

/// <summary>A rollout outlives the process that drove it: the next long-lived silo on the ledger carries it on.</summary>
public sealed class RolloutResumptionTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rollout_under_way_when_its_silo_stopped_takes_its_remaining_steps_in_the_next_silo_unasked()
    {
        ReleaseId release;
        using (var first = Host(resumes: false, advanceEvery: null))
        {
            await first.StartAsync(Ct);
            var fleet = TestFleet.NewLine(first.Services.GetRequiredService<IGrainFactory>());
            await fleet.EnrollAsync(40);
            release = fleet.Release('a');
            await fleet.PublishAndPlanAsync(release, TestFleet.Plan(10, (0.25, 0, 0.5), (0.5, 0, 0.5), (1.0, 0, 0.5)));
            var started = await fleet.ReleaseGrain(release).Start(TestFleet.Operator, Provenance.NewCommand());
            Assert.Equal(CommandStatus.Accepted, started.Status);
            await first.StopAsync(Ct);
        }

        using var second = Host(resumes: true, advanceEvery: TimeSpan.FromMilliseconds(100));
        await second.StartAsync(Ct);
        // Only the stream is read: asking the release grain anything would itself wake it.
        var journal = second.Services.GetRequiredService<IEventJournal>();
        var waves = await WaitForAsync(async () => (await journal.ReadAsync(release.ToString(), 0, Ct)).Count(e => e.Data is WaveCompleted), 3);
        Assert.Equal(3, waves);
        await second.StopAsync(Ct);
    }

    private IHost Host(bool resumes, TimeSpan? advanceEvery) =>
        LedgerHost.Build(new LedgerHostOptions(postgres.ConnectionString)
        {
            Telemetry = TelemetryMode.None,
            ResumesRollouts = resumes,
            Fleet = new FleetOptions { AdvanceEvery = advanceEvery },
        });

    private static async Task<int> WaitForAsync(Func<Task<int>> read, int wanted)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        var value = await read();
        while (value < wanted && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
            value = await read();
        }

        return value;
    }
}
