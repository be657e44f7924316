using BsiLedger.Domain;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.EventStore.Marten;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Fleet;
using Npgsql;

namespace BsiLedger.Grains.Tests.Rollouts;

/// <summary>A recall sent to the silo whose release grain is part-way through a wave's offers.</summary>
public sealed class RecallInterruptsWaveTests(TwoRolloutSilos silos) : IClassFixture<TwoRolloutSilos>
{
    private const int HeldAt = 50;

    [Fact]
    public async Task The_recall_is_recorded_while_the_wave_is_held_and_the_offers_not_yet_sent_are_not_sent()
    {
        var fleet = TestFleet.NewLine(silos.First);
        await fleet.EnrollAsync(300);
        var release = fleet.Release('a');
        await fleet.PublishAndPlanAsync(release, TestFleet.Plan(10, (1.0, 0, 0.5)));
        var grain = fleet.ReleaseGrain(release);
        var held = silos.FirstAgent.PauseAt(HeldAt);
        var start = grain.Start(TestFleet.Operator, Provenance.NewCommand());
        await held.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        var recall = grain.Recall("breaks sign-in pages", TestFleet.Operator, Provenance.NewCommand());
        await RecalledInLedgerAsync(release);
        silos.FirstAgent.Resume();

        Assert.Equal(CommandStatus.Accepted, (await recall).Status);
        Assert.IsType<ReleaseAlreadyRecalled>((await start).Error);
        var sent = silos.FirstAgent.Answered;
        Assert.InRange(sent, HeldAt, HeldAt + new FleetOptions().OffersBetweenChecks);
        var status = await grain.Advance();
        Assert.True(status.Release.Recall!.IsComplete);
        // Only the devices that installed before the recall had anything to give back.
        Assert.InRange(status.Release.Recall.Withdrawn, HeldAt - 1, HeldAt);
    }

    /// <summary>Polls the ledger: the release grain is busy with the held wave, so only the database can say.</summary>
    private async Task RecalledInLedgerAsync(ReleaseId release)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        await using var connection = new NpgsqlConnection(silos.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            $"select count(*) from {LedgerStoreOptions.Schema}.mt_events where stream_id = @release and type = 'bsi.recall-issued'", connection);
        command.Parameters.AddWithValue("release", release.ToString());
        while ((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the recall was not recorded while the wave was held");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
