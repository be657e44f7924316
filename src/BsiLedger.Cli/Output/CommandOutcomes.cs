using BsiLedger.Domain;
using BsiLedger.EventStore.Journal;
using BsiLedger.Grains.Commands;
using Spectre.Console;

namespace BsiLedger.Cli.Output;

/// <summary>
/// Reports what became of one command sent to a grain (a device's or a release's) with the contract's exit code:
/// the outcome as one JSON document (or a line for a person), the typed error on stderr when a rule refused it.
/// </summary>
public static class CommandOutcomes
{
    /// <param name="subject">What the command was about: <c>device</c> or <c>release</c>, the JSON field that names it.</param>
    /// <param name="id">The device or release id.</param>
    /// <param name="command">The command's name, e.g. <c>InstallBsi</c> or <c>PlanRollout</c>.</param>
    /// <param name="more">Fields appended to the JSON document after the outcome's (e.g. the rollout it started).</param>
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
        var document = new Dictionary<string, object?>
        {
            [subject] = id,
            ["command"] = command,
            ["status"] = outcome.Status,
            ["version"] = outcome.Version,
            ["eventsAppended"] = outcome.EventsAppended,
            ["correlationId"] = provenance.CorrelationId,
            ["error"] = outcome.Error is { } e ? new { code = e.Code, message = e.Message } : null,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, object?>())
        {
            document[key] = value;
        }

        output.Write(document, console =>
        {
            console.WriteLine(outcome.Status switch
            {
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
        output.Write(new Dictionary<string, object?>
        {
            [subject] = id,
            ["status"] = CommandStatus.Refused,
            ["error"] = new { code = error.Code, message = error.Message },
        }, _ => { });
        await Console.Error.WriteLineAsync($"{error.Code}: {error.Message}");
        return ExitCodes.Refused;
    }
}
