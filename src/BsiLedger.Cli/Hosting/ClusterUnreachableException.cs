namespace BsiLedger.Cli.Hosting;

/// <summary>
/// The database lists live silos of the cluster but none of their gateways answered: they were killed and not yet
/// declared dead, or this machine cannot reach their advertised addresses.
/// </summary>
public sealed class ClusterUnreachableException(string clusterId, TimeSpan waited, Exception inner)
    : Exception(
        $"cluster {clusterId} is registered as live in this database, but none of its gateways answered within {waited.TotalSeconds:0} s "
        + "(silos killed and not yet declared dead, or advertised addresses this machine cannot reach): see bsi cluster status; "
        + "once its silos' heartbeats are stale the command runs its own silo",
        inner);
