using System.CommandLine;
using BsiLedger.Cli.Devices;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Releases;
using BsiLedger.Cli.WhatIf;

namespace BsiLedger.Cli.Tests;

/// <summary>
/// bsi's device, release and what-if commands run inside the test process, so a listener here sees every span a command
/// makes, from its root to the database. The output goes to writers of its own.
/// </summary>
public sealed class InProcessBsi(string connectionString)
{
    public async Task<BsiRun> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var runner = new CommandRunner(stdout, stderr);
        var root = new RootCommand("bsi") { DeviceCommandLine.Build(runner), ReleaseCommandLine.Build(runner), WhatIfCommandLine.Build(runner) };
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        var exit = await root.Parse([.. args, "--connection", connectionString, "--telemetry", "none"])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return new BsiRun(exit, stdout.ToString(), stderr.ToString());
    }
}
