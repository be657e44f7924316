using BsiLedger.Api.Problems;
using BsiLedger.Domain;
using BsiLedger.Grains.Commands;
using BsiLedger.Operations.Outcomes;
using Microsoft.AspNetCore.Http;

namespace BsiLedger.Api.Endpoints;

/// <summary>What became of a command, as <c>bsi … --json</c> prints it: 200 (201 for a new device or release) or a refusal's problem.</summary>
public static class CommandResults
{
    /// <param name="location">Where the subject can be read, when the command created it.</param>
    public static IResult Of(
        string subject,
        string id,
        string command,
        CommandOutcome outcome,
        Provenance provenance,
        IReadOnlyDictionary<string, object?>? more = null,
        string? location = null)
    {
        var document = OutcomeDocument.Of(subject, id, command, outcome, provenance, more);
        return outcome switch
        {
            { Error: { } error } => ProblemResults.Refused(error, RefusalStatus.Of(error, subject), document),
            { Status: CommandStatus.Accepted } when location is not null => TypedResults.Created(location, document),
            _ => TypedResults.Ok(document),
        };
    }

    /// <summary>A rule refused before any command was sent (the device is not enrolled, the release is not published).</summary>
    public static IResult Refused(string subject, string id, DomainError error) =>
        ProblemResults.Refused(error, RefusalStatus.Of(error, subject), OutcomeDocument.Refusal(subject, id, error));
}
