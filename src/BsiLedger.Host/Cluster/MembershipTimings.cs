using Orleans.Configuration;

namespace BsiLedger.Host.Cluster;

/// <summary>
/// How fast a shared cluster notices a silo that died without leaving (kill -9, a lost machine): declared dead within
/// about 10 s, and well inside 20 s on a loaded machine (docs/decisions/0009-membership-in-postgresql.md).
/// </summary>
public static class MembershipTimings
{
    /// <summary>How often a silo writes its heartbeat; <c>bsi cluster status</c> shows it and a client judges liveness by it.</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(5);

    /// <summary>A heartbeat older than this belongs to a silo that is gone, whatever its row's status says.</summary>
    public static readonly TimeSpan HeartbeatFreshFor = HeartbeatEvery * 3;

    public static void Apply(ClusterMembershipOptions options)
    {
        // A killed silo's connections are refused at once, so each probe fails fast: three missed probes 2 s apart
        // make each of the other silos suspect it, and two suspicions (the other two of a three-silo cluster) kill it.
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 3;
        options.NumVotesForDeathDeclaration = 2;
        options.IAmAliveTablePublishTimeout = HeartbeatEvery;
        options.NumMissedTableIAmAliveLimit = 3;
        // Gossip carries changes at once; the table read is what catches a silo up that missed it.
        options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
        // Each restart is a new row (a new generation): dead rows go after an hour rather than a week.
        options.DefunctSiloExpiration = TimeSpan.FromHours(1);
        options.DefunctSiloCleanupPeriod = TimeSpan.FromMinutes(10);
    }
}
