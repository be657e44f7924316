using BsiLedger.Domain;
using BsiLedger.Grains.Commands;

namespace BsiLedger.Operations.Outcomes;

/// <summary>What became of one command sent to a device's or a release's grain, as the JSON document both front ends answer with.</summary>
public static class OutcomeDocument
{
    /// <param name="subject">What the command was about: <c>device</c> or <c>release</c>, the JSON field that names it.</param>
    /// <param name="id">The device or release id.</param>
    /// <param name="command">The command's name, e.g. <c>InstallBsi</c> or <c>PlanRollout</c>.</param>
    /// <param name="more">Fields appended after the outcome's (e.g. the rollout it started).</param>
    public static Dictionary<string, object?> Of(
        string subject,
        string id,
        string command,
        CommandOutcome outcome,
        Provenance provenance,
        IReadOnlyDictionary<string, object?>? more = null)
    {
        var document = new Dictionary<string, object?>
        {
            [subject] = id,
            ["command"] = command,
            ["status"] = outcome.Status,
            ["version"] = outcome.Version,
            ["eventsAppended"] = outcome.EventsAppended,
            ["correlationId"] = provenance.CorrelationId,
            ["error"] = outcome.Error is { } e ? Error(e) : null,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, object?>())
        {
            document[key] = value;
        }

        return document;
    }

    /// <summary>A rule refused before any command was sent (the device is not enrolled, the release is not published).</summary>
    public static Dictionary<string, object?> Refusal(string subject, string id, DomainError error) => new()
    {
        [subject] = id,
        ["status"] = CommandStatus.Refused,
        ["error"] = Error(error),
    };

    private static object Error(DomainError error) => new { code = error.Code, message = error.Message };
}
