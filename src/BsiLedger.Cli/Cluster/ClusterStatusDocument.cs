using BsiLedger.Host.Cluster;

namespace BsiLedger.Cli.Cluster;

/// <summary><c>bsi cluster status --json</c>: <c>{"cluster": ID, "silos": [{"address", "status", "startedAt", "iAmAliveAt", "gateway"}]}</c>.</summary>
public sealed record ClusterStatusDocument(string Cluster, IReadOnlyList<ClusterSilo> Silos);
