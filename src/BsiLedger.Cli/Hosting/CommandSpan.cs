using System.CommandLine;
using System.Diagnostics;
using BsiLedger.EventStore.Telemetry;

namespace BsiLedger.Cli.Hosting;

/// <summary>
/// The root of a command's trace, named after the command (<c>bsi release recall</c>): every grain call, append and
/// database command the command causes is under it. Started once the ledger's host is up, since before that no
/// tracer listens.
/// </summary>
public static class CommandSpan
{
    public static async Task<int> RunAsync(ParseResult parse, Func<Task<int>> body)
    {
        using var activity = LedgerTelemetry.Source.StartActivity(NameOf(parse), ActivityKind.Internal, parentContext: default);
        try
        {
            var exit = await body();
            activity?.SetTag("process.exit.code", exit);
            return exit;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }

    /// <summary>"bsi" and the subcommands' names, whatever the executable is called.</summary>
    public static string NameOf(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var command = parse.CommandResult; command is { Command: not RootCommand }; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(command.Command.Name);
        }

        return string.Join(' ', ["bsi", .. names]);
    }
}
