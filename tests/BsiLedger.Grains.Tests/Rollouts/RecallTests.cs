using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Marten;
using BsiLedger.Grains.Commands;
using BsiLedger.Testing;
using Marten;

namespace BsiLedger.Grains.Tests.Rollouts;

public sealed class RecallTests(SimulatedSilo silo) : IClassFixture<SimulatedSilo>
{
    [Fact]
    public async Task A_recall_withdraws_at_once_from_reachable_devices_and_completes_only_after_the_offline_ones_check_in()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(400);
        var release = fleet.Release('a');
        var grain = await fleet.StartedAsync(release, TestFleet.Plan(10, (1.0, 0, 0.5)));
        var offline = ids.Take(30).ToArray();
        foreach (var id in offline)
        {
            silo.Agent.SetOffline(id, true);
        }

        var recall = Provenance.NewCommand();
        Assert.Equal(CommandStatus.Accepted, (await grain.Recall("breaks sign-in pages", TestFleet.Operator, recall)).Status);
        var status = await grain.Advance();
        Assert.Equal((400, 370, 30), (status.Recall!.Exposed, status.Recall.Withdrawn, status.Recall.Pending));
        Assert.False(status.Release.Recall!.IsComplete);

        foreach (var id in offline.Skip(1))
        {
            Assert.Equal([release], (await fleet.Device(id).CheckIn(Provenance.NewCommand())).Withdrawn);
        }

        // The last one updates its OS instead: that settles it too.
        await fleet.Device(offline[0]).Execute(new UpdateOs(offline[0], OsVersion.Parse("99.0"), Cause.Device(offline[0])), Provenance.NewCommand());
        status = await grain.Advance();
        var completed = status.Release.Recall!;
        Assert.True(completed.IsComplete);
        Assert.Equal((399, 1), (completed.Withdrawn, completed.Settled));

        await using var store = LedgerStoreOptions.CreateStore(silo.ConnectionString);
        await using var session = store.QuerySession();
        foreach (var id in new[] { ids[100], offline[5] })
        {
            var withdrawal = (await session.Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken)).Single(e => e.Data is BsiWithdrawn);
            Assert.Equal(recall.CorrelationId, withdrawal.CorrelationId);
            Assert.Equal(recall.CorrelationId, ((BsiWithdrawn)withdrawal.Data).RecallId);
        }
    }

    [Fact]
    public async Task A_recalled_release_never_installs_again_on_any_device()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(100);
        var release = fleet.Release('a');
        var grain = await fleet.StartedAsync(release, TestFleet.Plan(10, (0.3, 24, 0.5), (1.0, 0, 0.5)));
        await grain.Recall("bad patch", TestFleet.Operator, Provenance.NewCommand());

        silo.Clock.Advance(TimeSpan.FromDays(2));
        var status = await grain.Advance();
        Assert.Single(status.Release.Waves);

        var outside = TestFleet.InCohort(ids, release, 0.3, 1.0)[0];
        var rowsBefore = await StoredRows.CountAsync(silo.ConnectionString, outside);
        var install = await fleet.Device(outside).Execute(new InstallBsi(outside, release, Cause.Device(outside)), Provenance.NewCommand());
        Assert.IsType<ReleaseRecalled>(install.Error);
        var checkIn = await fleet.Device(outside).CheckIn(Provenance.NewCommand());
        Assert.Null(checkIn.Offered);

        var latecomer = (await fleet.EnrollAsync(1))[0];
        Assert.Null((await fleet.Device(latecomer).CheckIn(Provenance.NewCommand())).Offered);
        Assert.IsType<ReleaseRecalled>((await fleet.Device(latecomer).Execute(new InstallBsi(latecomer, release, Cause.Device(latecomer)), Provenance.NewCommand())).Error);
        Assert.Equal(rowsBefore, await StoredRows.CountAsync(silo.ConnectionString, outside));
        Assert.Equal(CommandStatus.Refused, (await grain.Recall("again", TestFleet.Operator, Provenance.NewCommand())).Status);
    }
}
