using System.CommandLine;
using BsiLedger.Cli.Hosting;
using BsiLedger.Host.Cluster;
using BsiLedger.Operations.Input;

namespace BsiLedger.Cli.Cluster;

/// <summary><c>bsi cluster …</c>: the silos registered in the ledger's database, read from its membership table.</summary>
public static class ClusterCommandLine
{
    public static Command Build(CommandRunner runner) =>
        new("cluster", "The ledger's cluster: the bsi serve silos registered in its database") { ClusterStatus.Build(runner) };

    /// <summary><c>--cluster ID</c>, for <c>serve</c> and the cluster's commands alike.</summary>
    public static Option<string> ClusterOption() => new("--cluster")
    {
        Description = $"The cluster's id: silos started with the same id on one database form one cluster (letters, digits, '.', '_', '-'; default {SharedCluster.DefaultId})",
        DefaultValueFactory = _ => SharedCluster.DefaultId,
    };

    public static string ClusterId(string? text) =>
        text is not null && ClusterIds.IsValid(text)
            ? text
            : throw new UsageException(
                $"--cluster: '{text}' is not a cluster id: use 1 to {ClusterIds.MaxLength} letters, digits, '.', '_' or '-', e.g. --cluster {SharedCluster.DefaultId}");
}
