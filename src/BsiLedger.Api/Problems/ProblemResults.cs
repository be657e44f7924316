using BsiLedger.Domain;
using Microsoft.AspNetCore.Http;

namespace BsiLedger.Api.Problems;

/// <summary>
/// RFC 7807 problem details for every error the API answers: <c>code</c> is the typed error's name as the CLI prints it
/// (a <see cref="DomainError"/>'s, or <c>BadInput</c>, <c>LedgerUnavailable</c> and the like), <c>title</c> too.
/// </summary>
public static class ProblemResults
{
    public const string BadInput = "BadInput";

    public static IResult Status(int status, string code, string detail, IDictionary<string, object?>? more = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (key, value) in more ?? new Dictionary<string, object?>())
        {
            extensions[key] = value;
        }

        return TypedResults.Problem(detail, statusCode: status, title: code, type: $"urn:bsiledger:error:{code}", extensions: extensions);
    }

    /// <summary>
    /// A rule refused the command: the outcome's document (subject, command, version, correlation id) rides along, less
    /// its <c>status</c> and <c>error</c>, which the problem's own fields say.
    /// </summary>
    public static IResult Refused(DomainError error, int status, IReadOnlyDictionary<string, object?> document) =>
        Status(status, error.Code, error.Message, document.Where(entry => entry.Key is not ("status" or "error")).ToDictionary());

    public static IResult InvalidField(string field, string message) =>
        Status(StatusCodes.Status400BadRequest, BadInput, message.Contains(field, StringComparison.Ordinal) ? message : $"{field}: {message}", new Dictionary<string, object?>
        {
            ["field"] = field,
            ["errors"] = new Dictionary<string, string[]> { [field] = [message] },
        });
}
