using BsiLedger.Domain.Devices;

namespace BsiLedger.Grains.Fleet;

/// <summary>How the fleet is partitioned and how hard a fan-out pushes.</summary>
public sealed class FleetOptions
{
    public static readonly TimeSpan DefaultAdvanceEvery = TimeSpan.FromSeconds(30);

    /// <summary>Shard grains the fleet is split over: a power of two. 256 keeps a million devices at about 4k per shard.</summary>
    public int Shards { get; set; } = 256;

    /// <summary>Device calls each shard has in flight at once during a fan-out.</summary>
    public int DeviceConcurrency { get; set; } = 8;

    /// <summary>
    /// Offers a shard sends between two reads of the release's status in the ledger: a recall committed by any process
    /// stops the offers not yet sent within this many devices per shard.
    /// </summary>
    public int OffersBetweenChecks { get; set; } = 64;

    /// <summary>
    /// How often (wall time) a release with a running rollout or an open recall takes its due steps by itself.
    /// Null turns the timer off: a simulation drives releases on its virtual clock instead.
    /// </summary>
    public TimeSpan? AdvanceEvery { get; set; } = DefaultAdvanceEvery;

    public void Validate()
    {
        if (!FleetPartition.IsValidShardCount(Shards))
        {
            throw new ArgumentOutOfRangeException(nameof(Shards), Shards, $"the shard count must be a power of two from 1 to {FleetPartition.Buckets}");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(DeviceConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(OffersBetweenChecks, 1);
    }
}
