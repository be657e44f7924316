using System.CommandLine;
using BsiLedger.Cli;
using BsiLedger.Cli.Audit;
using BsiLedger.Cli.Chaos;
using BsiLedger.Cli.Cluster;
using BsiLedger.Cli.Devices;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Releases;
using BsiLedger.Cli.Serving;
using BsiLedger.Cli.Simulation;
using BsiLedger.Cli.Watching;
using BsiLedger.Cli.WhatIf;

// stdout carries the command's result only. Everything else that writes to the console (logs, the
// OpenTelemetry console exporter) is sent to stderr.
var stdout = Console.Out;
Console.SetOut(Console.Error);

var runner = new CommandRunner(stdout, Console.Error);
var root = new RootCommand("bsi: an event-sourced ledger of Background Security Improvement (BSI) updates");
foreach (var option in GlobalOptions.All)
{
    root.Options.Add(option);
}

root.Subcommands.Add(DeviceCommandLine.Build(runner));
root.Subcommands.Add(ReleaseCommandLine.Build(runner));
root.Subcommands.Add(SimulateCommandLine.Build(runner));
root.Subcommands.Add(AuditCommandLine.Build(runner));
root.Subcommands.Add(ServeCommandLine.Build(runner));
root.Subcommands.Add(WatchCommandLine.Build(runner));
root.Subcommands.Add(ChaosCommandLine.Build(runner));
root.Subcommands.Add(ClusterCommandLine.Build(runner));
root.Subcommands.Add(WhatIfCommandLine.Build(runner));

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync($"error: {error.Message}");
    }

    await Console.Error.WriteLineAsync("usage: add --help to the command to see what it takes");
    return ExitCodes.BadInput;
}

return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = Console.Error });
