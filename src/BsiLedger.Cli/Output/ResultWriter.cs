using System.Text.Json;
using BsiLedger.Operations;
using Spectre.Console;

namespace BsiLedger.Cli.Output;

/// <summary>
/// The command's result, and nothing else, goes to stdout: one JSON document with --json, otherwise text
/// for a person. Logs and telemetry go to stderr (see Program).
/// </summary>
public sealed class ResultWriter(TextWriter stdout, bool json)
{
    private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(stdout),
    });

    /// <summary>For a result redrawn in place while it changes (bsi watch).</summary>
    public IAnsiConsole Terminal => _console;

    /// <summary>With --json, results are documents for programs.</summary>
    public bool Json => json;

    /// <summary>For a result that is neither JSON nor for a person (CSV): straight to stdout.</summary>
    public TextWriter Stdout => stdout;

    /// <summary>Writes the JSON document with --json, otherwise lets <paramref name="human"/> render.</summary>
    public void Write<T>(T document, Action<IAnsiConsole> human)
    {
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(document, LedgerJson.Options));
        }
        else
        {
            human(_console);
        }
    }
}
