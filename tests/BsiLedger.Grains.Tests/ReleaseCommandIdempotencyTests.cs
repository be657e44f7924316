using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Fleet;
using BsiLedger.Grains.Tests.Rollouts;
using BsiLedger.Testing;

namespace BsiLedger.Grains.Tests;

public sealed class ReleaseCommandIdempotencyTests(FlakySilo silo) : IClassFixture<FlakySilo>
{
    private static readonly RolloutPlan TwoWaves = TestFleet.Plan(1, (0.5, 24, 0.5), (1.0, 0, 0.5));

    [Fact]
    public async Task A_publication_retried_with_its_id_answers_the_first_outcome()
    {
        var release = TestFleet.NewLine(silo.Grains).Release('a');
        var publish = new PublishRelease(release, ["WebKit"], [], Activation.Restart, null, TestFleet.Operator);

        await DroppedAnswer.SendTwiceAsync(silo, release.ToString(), p => Grain(release).Execute(publish, p));
    }

    [Fact]
    public async Task A_plan_retried_with_its_id_answers_the_first_outcome()
    {
        var release = TestFleet.NewLine(silo.Grains).Release('a');
        await Grain(release).Execute(new PublishRelease(release, ["WebKit"], [], Activation.Restart, null, TestFleet.Operator), Provenance.NewCommand());

        await DroppedAnswer.SendTwiceAsync(silo, release.ToString(), p => Grain(release).Execute(new PlanRollout(release, TwoWaves, TestFleet.Operator), p));
    }

    [Fact]
    public async Task A_start_retried_with_its_id_answers_the_first_outcome_and_offers_nothing_twice()
    {
        var (_, release, ids) = await PlannedAsync(TestFleet.Plan(1, (1.0, 0, 0.5)));

        await DroppedAnswer.SendTwiceAsync(silo, release.ToString(), p => Grain(release).Start(TestFleet.Operator, p));

        foreach (var id in ids)
        {
            Assert.Equal(3, await StoredRows.CountAsync(silo.ConnectionString, id));
        }
    }

    [Fact]
    public async Task A_pause_and_a_resume_retried_with_their_ids_answer_their_first_outcomes()
    {
        var (_, release, _) = await PlannedAsync(TwoWaves);
        await Grain(release).Start(TestFleet.Operator, Provenance.NewCommand());

        await DroppedAnswer.SendTwiceAsync(silo, release.ToString(), p => Grain(release).Execute(new PauseRollout(release, TestFleet.Operator), p));
        await DroppedAnswer.SendTwiceAsync(silo, release.ToString(), p => Grain(release).Execute(new ResumeRollout(release, TestFleet.Operator), p));
    }

    [Fact]
    public async Task A_recall_retried_with_its_id_after_it_committed_drives_its_fan_out_instead_of_answering_already_recalled()
    {
        var (fleet, release, ids) = await PlannedAsync(TestFleet.Plan(1, (1.0, 0, 0.5)));
        await Grain(release).Start(TestFleet.Operator, Provenance.NewCommand());
        // One device stays out of reach, so the recall stays open and its release stream is not appended to again.
        silo.Agent.SetOffline(ids[0], true);

        var recall = await DroppedAnswer.SendTwiceAsync(silo, release.ToString(), p => Grain(release).Recall("breaks sign-in pages", TestFleet.Operator, p));

        Assert.Equal(CommandStatus.Accepted, recall.Status);
        foreach (var id in ids.Skip(1))
        {
            Assert.Empty((await fleet.Device(id).GetState()).Device.Installed);
        }

        var status = await Grain(release).Status();
        Assert.Equal((ids.Count, ids.Count - 1, 1), (status.Recall!.Exposed, status.Recall.Withdrawn, status.Recall.Pending));
    }

    [Fact]
    public async Task A_wave_offered_again_across_the_fleet_appends_nothing_the_second_time()
    {
        var (fleet, release, ids) = await PlannedAsync(TestFleet.Plan(1, (1.0, 0, 0.5)));
        await Grain(release).Start(TestFleet.Operator, Provenance.NewCommand());
        foreach (var id in ids)
        {
            Assert.Equal(CommandStatus.Accepted, (await fleet.Device(id).Execute(new UninstallAll(id, Cause.Device(id)), Provenance.NewCommand())).Status);
        }

        var stored = await CountAsync(ids);
        var offer = new ReleaseOffer(release, Activation.Relaunch, 0, 0, 1, Provenance.NewCommand());
        var tallies = await Task.WhenAll(Enumerable.Range(0, FlakySilo.Shards).Select(i => silo.Grains.GetGrain<IFleetShardGrain>(i).Offer(offer)));

        Assert.Equal(stored, await CountAsync(ids));
        Assert.Equal(ids.Count, tallies.Sum(t => t.Targeted));
    }

    private Releases.IReleaseGrain Grain(ReleaseId release) => silo.Grains.GetGrain<Releases.IReleaseGrain>(release.ToString());

    private async Task<long> CountAsync(IEnumerable<string> ids)
    {
        long total = 0;
        foreach (var id in ids)
        {
            total += await StoredRows.CountAsync(silo.ConnectionString, id);
        }

        return total;
    }

    private async Task<(TestFleet Fleet, ReleaseId Release, IReadOnlyList<string> Ids)> PlannedAsync(RolloutPlan plan)
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var release = fleet.Release('a');
        var ids = await fleet.EnrollAsync(6);
        await fleet.PublishAndPlanAsync(release, plan);
        return (fleet, release, ids);
    }
}
