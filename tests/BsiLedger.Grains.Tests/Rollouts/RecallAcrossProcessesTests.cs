using BsiLedger.Domain;
using BsiLedger.EventStore.Marten;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Fleet;
using BsiLedger.Grains.Releases;
using Npgsql;

namespace BsiLedger.Grains.Tests.Rollouts;

/// <summary>
/// One process is part-way through a wave's offers when an operator recalls the release through another: what the
/// ledger holds afterwards, whatever either process had in memory.
/// </summary>
public sealed class RecallAcrossProcessesTests(TwoRolloutSilos silos) : IClassFixture<TwoRolloutSilos>
{
    private const int Devices = 300;
    private const int HeldAt = 50;

    [Fact]
    public async Task No_device_installs_the_release_after_its_recall_and_the_recall_completes_only_when_every_holder_gave_it_back()
    {
        var (fleet, release) = await RecallMidWaveAsync();

        var status = await silos.Second.GetGrain<IReleaseGrain>(release.ToString()).Advance();

        Assert.Equal(0, await ScalarAsync($"""
            select count(*) from {Events} e
            where e.stream_id like @devices and e.type in ('bsi.bsi-installed', 'bsi.bsi-applied')
              and e.seq_id > (select r.seq_id from {Events} r where r.stream_id = @release and r.type = 'bsi.recall-issued')
            """, fleet, release.ToString()));
        var holding = await ScalarAsync($"""
            select count(*) from (
              select stream_id from {Events} where stream_id like @devices group by stream_id
              having bool_or(type = 'bsi.bsi-installed') and not bool_or(type = 'bsi.bsi-withdrawn')) h
            """, fleet, release.ToString());
        Assert.Equal(0, holding);
        Assert.True(status.Release.Recall!.IsComplete);
    }

    [Fact]
    public async Task The_other_process_sends_no_offer_of_the_release_once_the_recall_is_in_the_ledger()
    {
        await RecallMidWaveAsync();

        // The held offer's chunk was already on its way; every later one is not sent.
        Assert.InRange(silos.FirstAgent.Answered, HeldAt, HeldAt + new FleetOptions().OffersBetweenChecks);
    }

    private static string Events => $"{LedgerStoreOptions.Schema}.mt_events";

    /// <summary>Holds the first process's wave at its fiftieth offer, recalls through the second, then lets the wave go on.</summary>
    private async Task<(string DevicePrefix, Domain.Releases.ReleaseId Release)> RecallMidWaveAsync()
    {
        var fleet = TestFleet.NewLine(silos.First);
        var ids = await fleet.EnrollAsync(Devices);
        var release = fleet.Release('a');
        await fleet.PublishAndPlanAsync(release, TestFleet.Plan(10, (1.0, 0, 0.5)));
        var held = silos.FirstAgent.PauseAt(HeldAt);
        var start = fleet.ReleaseGrain(release).Start(TestFleet.Operator, Provenance.NewCommand());
        await held.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        var recall = await silos.Second.GetGrain<IReleaseGrain>(release.ToString()).Recall("breaks sign-in pages", TestFleet.Operator, Provenance.NewCommand());
        Assert.Equal(CommandStatus.Accepted, recall.Status);
        silos.FirstAgent.Resume();
        await start;
        return (ids[0][..ids[0].LastIndexOf('-')] + "-%", release);
    }

    private async Task<long> ScalarAsync(string sql, string devices, string release)
    {
        await using var connection = new NpgsqlConnection(silos.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("devices", devices);
        command.Parameters.AddWithValue("release", release);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
