using System.CommandLine;
using System.Globalization;
using BsiLedger.Cli.Hosting;
using BsiLedger.Host.Cluster;
using Spectre.Console;

namespace BsiLedger.Cli.Cluster;

/// <summary>
/// <c>bsi cluster status [--cluster ID] [--json]</c>: every silo the membership table holds for the cluster, live or
/// dead, read with plain SQL: no silo is started, so it answers while the cluster is down too.
/// </summary>
public static class ClusterStatus
{
    public static Command Build(CommandRunner runner)
    {
        var command = new Command("status", "The cluster's silos from the membership table: address, status, started, last heartbeat, gateway");
        runner.RegisterStandalone(command, _ => async (settings, output, ct) =>
        {
            var clusterId = settings.Cluster;
            // The embedded server of a bsi serve on the same --data-dir is where its cluster is registered.
            await using var database = await LedgerDatabase.OpenAsync(settings, ct, mayBorrow: true);
            var silos = await ClusterMembership.ReadAsync(database.ConnectionString, clusterId, ct);
            if (silos.Count == 0)
            {
                await Console.Error.WriteLineAsync($"no silo is registered in cluster {clusterId} in this database: start one with bsi serve");
            }

            output.Write(new ClusterStatusDocument(clusterId, silos), console => Render(console, clusterId, silos));
            return ExitCodes.Done;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, string clusterId, IReadOnlyList<ClusterSilo> silos)
    {
        console.WriteLine($"cluster {clusterId}: {silos.Count(s => s.Status == "active")} active of {silos.Count} registered");
        if (silos.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("address", "status", "started", "last heartbeat", "gateway");
        foreach (var silo in silos)
        {
            table.AddRow(silo.Address, silo.Status, Time(silo.StartedAt), Time(silo.IAmAliveAt), silo.Gateway ?? "none");
        }

        console.Write(table);
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
