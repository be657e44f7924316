using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices;

/// <summary>
/// Splits the fleet into shards by a stable hash of the device id. Devices hash into a fixed number of
/// buckets, stored with each device; a shard owns a contiguous range of them, so the shard count can change
/// (any power of two up to <see cref="Buckets"/>) without rewriting what is stored.
/// </summary>
public static class FleetPartition
{
    public const int Buckets = 65536;

    public static int BucketOf(string deviceId) => (int)(Cohort.Position($"fleet\n{deviceId}") * Buckets);

    public static bool IsValidShardCount(int shards) => shards is > 0 and <= Buckets && (shards & (shards - 1)) == 0;

    /// <summary>The buckets [From, To) shard <paramref name="shard"/> of <paramref name="shards"/> owns.</summary>
    public static (int From, int To) BucketsOf(int shard, int shards) =>
        (shard * (Buckets / shards), (shard + 1) * (Buckets / shards));
}
