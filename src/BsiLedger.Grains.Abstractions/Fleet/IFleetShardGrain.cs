using BsiLedger.Domain.Releases;

namespace BsiLedger.Grains.Fleet;

/// <summary>
/// One partition of the fleet (keyed by shard number): fans a wave or a recall out to its own devices with
/// bounded concurrency. The release grain calls every shard in parallel, so no fan-out is serial in one grain.
/// </summary>
[Alias("bsi.fleet-shard-grain")]
public interface IFleetShardGrain : IGrainWithIntegerKey
{
    /// <summary>Offers the release to this shard's devices in the offer's slice; their standing afterwards.</summary>
    [Alias("offer"), ResponseTimeout("01:00:00")]
    Task<WaveTally> Offer(ReleaseOffer offer);

    /// <summary>Where this shard's devices in the slice [from, to) stand with the release now; appends nothing.</summary>
    [Alias("tally"), ResponseTimeout("01:00:00")]
    Task<WaveTally> Tally(ReleaseId release, double from, double to);

    /// <summary>How many of this shard's devices fall in the slice [from, to): a paced wave's size; asks no device.</summary>
    [Alias("count")]
    Task<int> Count(ReleaseId release, double from, double to);

    /// <summary>Withdraws the release from this shard's devices that have it; returns the recall's totals for the shard.</summary>
    [Alias("withdraw"), ResponseTimeout("01:00:00")]
    Task<RecallTally> Withdraw(RecallOrder order);
}
