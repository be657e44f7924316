using System.CommandLine;
using BsiLedger.Domain;
using BsiLedger.Operations.Input;

namespace BsiLedger.Cli.Hosting;

/// <summary>
/// <c>--command-id</c>: the id a device or release command is recorded under. Every invocation makes a fresh one unless
/// a script gives it, so that running the same command again after losing its answer is recognised and not done twice.
/// </summary>
public static class CommandIdOption
{
    public static readonly Option<string?> Option = new("--command-id")
    {
        Description = $"Record the command under this id ({InputParsers.CommandIdForm}); a command run again with the id it was recorded under appends nothing and answers as it did the first time. Default: a fresh id",
    };

    /// <summary>The provenance of the command being parsed: its own correlation, under the given id or a fresh one.</summary>
    public static Provenance Read(ParseResult parse) =>
        parse.GetValue(Option) is { } text ? Provenance.NewCommand(InputParsers.CommandId("--command-id", text)) : Provenance.NewCommand();
}
