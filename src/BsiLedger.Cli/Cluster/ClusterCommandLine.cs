using System.CommandLine;
using BsiLedger.Cli.Hosting;

namespace BsiLedger.Cli.Cluster;

/// <summary><c>bsi cluster …</c>: the silos registered in the ledger's database, read from its membership table.</summary>
public static class ClusterCommandLine
{
    public static Command Build(CommandRunner runner) =>
        new("cluster", "The ledger's cluster: the bsi serve silos registered in its database") { ClusterStatus.Build(runner) };
}
