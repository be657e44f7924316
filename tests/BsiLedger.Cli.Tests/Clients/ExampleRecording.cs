using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests.Clients;

/// <summary>
/// With <c>BSILEDGER_RECORD_EXAMPLES=1</c>, the client's rollout writes what went over the wire as the document's
/// examples (<c>src/BsiLedger.Api/OpenApi/Examples</c>): per operation its first request body and its last answer per
/// status (a status read until the rollout halts or the recall drains is the fullest last). Then the document test, with <c>BSILEDGER_UPDATE_OPENAPI=1</c>, takes the document they make.
/// </summary>
public static class ExampleRecording
{
    public const string Variable = "BSILEDGER_RECORD_EXAMPLES";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsOn => Environment.GetEnvironmentVariable(Variable) is "1";

    public static void Write(ApiDescription description, IEnumerable<Exchange> exchanges)
    {
        var directory = Path.Combine(RepositoryRoot.Path, "src", "BsiLedger.Api", "OpenApi", "Examples");
        foreach (var operation in exchanges.GroupBy(description.OperationId).Where(group => group.Key is not null))
        {
            var recorded = new JsonObject();
            if (operation.Select(e => e.RequestBody).FirstOrDefault(body => !string.IsNullOrEmpty(body)) is { } request)
            {
                recorded["request"] = JsonNode.Parse(request);
            }

            var responses = new JsonObject();
            foreach (var exchange in operation.Where(e => e.ResponseBody.Length > 0))
            {
                var status = ((int)exchange.Status).ToString(System.Globalization.CultureInfo.InvariantCulture);
                responses[status] = JsonNode.Parse(exchange.ResponseBody);
            }

            recorded["responses"] = responses;
            File.WriteAllText(Path.Combine(directory, $"{operation.Key}.json"), recorded.ToJsonString(Indented) + "\n");
        }
    }
}
