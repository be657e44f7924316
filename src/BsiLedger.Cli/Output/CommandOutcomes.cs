using BsiLedger.Domain;
using BsiLedger.Grains.Commands;
using BsiLedger.Operations.Outcomes;
using Spectre.Console;

namespace BsiLedger.Cli.Output;

/// <summary>
/// Reports what became of one command sent to a grain (a device's or a release's) with the contract's exit code:
/// the outcome as one JSON document (or a line for a person), the typed error on stderr when a rule refused it.
/// </summary>
public static class CommandOutcomes
{
    /// <summary>The document is <see cref="OutcomeDocument.Of"/>'s.</summary>
    /// <param name="moreHuman">Written for a person after the outcome's line.</param>
    public static async Task<int> WriteAsync(
        ResultWriter output,
        string subject,
        string id,
        string command,
        CommandOutcome outcome,
        Provenance provenance,
        IReadOnlyDictionary<string, object?>? more = null,
        Action<IAnsiConsole>? moreHuman = null)
    {
        output.Write(OutcomeDocument.Of(subject, id, command, outcome, provenance, more), console =>
        {
            console.WriteLine(outcome.Status switch
            {
                CommandStatus.Accepted when outcome.Replayed =>
                    $"{id}: {command} had been recorded under this command id already; nothing appended now ({outcome.EventsAppended} event(s) then, up to stream version {outcome.Version})",
                CommandStatus.Accepted => $"{id}: {command} recorded ({outcome.EventsAppended} event(s), stream version {outcome.Version})",
                CommandStatus.Unchanged => $"{id}: {command} had already taken effect; nothing appended (stream version {outcome.Version})",
                _ => $"{id}: {command} refused; nothing appended",
            });
            moreHuman?.Invoke(console);
        });

        if (outcome.Error is { } error)
        {
            await Console.Error.WriteLineAsync($"{error.Code}: {error.Message}");
            return ExitCodes.Refused;
        }

        return ExitCodes.Done;
    }

    /// <summary>
    /// A rule refused before any command was sent (the device is not enrolled, the release is not published):
    /// the subject and the typed error as JSON, the error's name and message on stderr, exit 1.
    /// </summary>
    public static async Task<int> RefuseAsync(ResultWriter output, string subject, string id, DomainError error)
    {
        output.Write(OutcomeDocument.Refusal(subject, id, error), _ => { });
        await Console.Error.WriteLineAsync($"{error.Code}: {error.Message}");
        return ExitCodes.Refused;
    }
}
