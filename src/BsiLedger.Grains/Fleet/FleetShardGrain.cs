using System.Diagnostics;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.Telemetry;
using BsiLedger.Grains.Devices;
using Microsoft.Extensions.Options;

namespace BsiLedger.Grains.Fleet;

/// <summary>
/// Reads its members from the fleet registry at the first offer of each wave (the registry is written with the
/// enrolment, so a device enrolled a moment before the wave is included) and keeps them, in cohort order, for the
/// wave's later batches: a paced wave sends a batch every step, and reading a million-device line at each would
/// cost more than the offers. A device that enrols during a paced wave gets the release at its check-in once the
/// wave's frontier has passed it. Every tally and recall reads the registry afresh. Remembers, per recall, which of its devices still hold the release
/// so that re-driving a recall visits only those; after a restart it visits all of them again. That memory cannot
/// complete a recall around a device that holds the release: its first visit comes after <c>RecallIssued</c> is
/// committed, each device answers from its stream as stored (<see cref="IDeviceGrain.Withdraw"/>), and from then on no
/// device of any process can stage the release (the ledger refuses it), so a device found without it stays without it.
/// </summary>
public sealed class FleetShardGrain(ILedgerIndex index, IOptions<FleetOptions> options) : Grain, IFleetShardGrain
{
    private readonly Dictionary<ReleaseId, ShardRecall> _recalls = [];

    private readonly Dictionary<ReleaseId, WaveMembers> _waves = [];

    public async Task<WaveTally> Offer(ReleaseOffer offer)
    {
        using var activity = StartActivity("shard offer", offer.Release);
        var slice = (await WaveMembersAsync(offer.Release, offer.Wave)).Between(offer.From, offer.To);
        activity?.SetTag("bsi.devices", slice.Length);
        var tally = WaveTally.Empty;
        foreach (var chunk in slice.Chunk(options.Value.OffersBetweenChecks))
        {
            // Whichever process recalled it, the ledger says so: the offers not sent yet are not sent.
            if (await index.ReleaseStatusAsync(offer.Release, CancellationToken.None) != ReleaseStatus.Published)
            {
                activity?.SetTag("bsi.interrupted", true);
                break;
            }

            var outcomes = await BoundedFanOut.RunAsync(chunk, options.Value.DeviceConcurrency,
                id => GrainFactory.GetGrain<IDeviceGrain>(id).Offer(offer));
            tally = outcomes.Aggregate(tally, (sum, outcome) => sum.Plus(outcome));
        }

        return tally;
    }

    public async Task<WaveTally> Tally(ReleaseId release, double from, double to)
    {
        var slice = await SliceAsync(release, from, to);
        var outcomes = await BoundedFanOut.RunAsync(slice, options.Value.DeviceConcurrency,
            id => GrainFactory.GetGrain<IDeviceGrain>(id).Standing(release));
        return outcomes.Aggregate(WaveTally.Empty, (tally, outcome) => tally.Plus(outcome));
    }

    public async Task<int> Count(ReleaseId release, double from, double to) => (await SliceAsync(release, from, to)).Count;

    public async Task<RecallTally> Withdraw(RecallOrder order)
    {
        using var activity = StartActivity("shard withdraw", order.Release);
        var known = _recalls.GetValueOrDefault(order.Release);
        var visit = known?.Pending ?? await MembersAsync(ProductLine.Of(order.Release));
        activity?.SetTag("bsi.devices", visit.Count);
        // Offered devices first, so the online exposed are withdrawn before the long tail of the line (which holds
        // the release only where a device installed it outside the rollout) is checked.
        var offered = visit.ToLookup(id => Cohort.Contains(order.Release, id, order.OfferedShare));
        var outcomes = new List<(string Id, RecallOutcome Outcome)>(visit.Count);
        foreach (var pass in new[] { offered[true], offered[false] })
        {
            outcomes.AddRange(await BoundedFanOut.RunAsync(pass.ToArray(), options.Value.DeviceConcurrency,
                async id => (Id: id, Outcome: await GrainFactory.GetGrain<IDeviceGrain>(id).Withdraw(order))));
        }

        var recall = new ShardRecall(
            (known?.Withdrawn ?? 0) + outcomes.Count(o => o.Outcome == RecallOutcome.Withdrawn),
            outcomes.Where(o => o.Outcome == RecallOutcome.Pending).Select(o => o.Id).ToArray());
        _recalls[order.Release] = recall;
        return new RecallTally(recall.Withdrawn, recall.Pending.Count);
    }

    private Activity? StartActivity(string name, ReleaseId release)
    {
        var activity = LedgerTelemetry.Source.StartActivity(name);
        activity?.SetTag("bsi.shard", this.GetPrimaryKeyLong());
        activity?.SetTag("bsi.release", release.ToString());
        return activity;
    }

    private async Task<WaveMembers> WaveMembersAsync(ReleaseId release, int wave)
    {
        if (!_waves.TryGetValue(release, out var members) || members.Wave != wave)
        {
            var ids = await MembersAsync(ProductLine.Of(release));
            members = new WaveMembers(wave, [.. ids.Select(id => (Cohort.Position(release, id), id)).Order()]);
            _waves[release] = members;
        }

        return members;
    }

    private async Task<IReadOnlyList<string>> SliceAsync(ReleaseId release, double from, double to)
    {
        var members = await MembersAsync(ProductLine.Of(release));
        return members.Where(id => Cohort.Position(release, id) is var p && p >= from && p < to).ToArray();
    }

    private Task<IReadOnlyList<string>> MembersAsync(string line)
    {
        var (from, to) = FleetPartition.BucketsOf((int)this.GetPrimaryKeyLong(), options.Value.Shards);
        return index.FleetMembersAsync(line, from, to, CancellationToken.None);
    }

    private sealed record ShardRecall(int Withdrawn, IReadOnlyList<string> Pending);

    /// <summary>The shard's members of a release's line as a wave's first offer found them, by cohort position.</summary>
    private sealed record WaveMembers(int Wave, (double Position, string Id)[] ByPosition)
    {
        public string[] Between(double from, double to) => [.. ByPosition[Start(from)..Start(to)].Select(m => m.Id)];

        private int Start(double position) => Cohort.FirstAtOrPast(ByPosition, static m => m.Position, position);
    }
}
