using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BsiLedger.Api.OpenApi;

/// <summary>
/// Request and response examples recorded from a real run of <c>bsi serve</c> through the rollout the generated client's
/// test drives (<c>Examples/&lt;operationId&gt;.json</c>, embedded: the request body, and the last answer per status). A success's
/// recorded answer also gives the response its schema (<see cref="ExampleSchema"/>): the answers are built as JSON by the
/// same code as the CLI's <c>--json</c>, so the recording is their one description, and that test checks every real
/// answer against it.
/// </summary>
public sealed class RecordedExamples : IOpenApiOperationTransformer
{
    private const string Json = "application/json";

    private static readonly Dictionary<string, JsonObject> Recorded = Load();

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is not { } id || !Recorded.TryGetValue(id, out var recorded))
        {
            return Task.CompletedTask;
        }

        if (recorded["request"] is { } request && operation.RequestBody?.Content?.TryGetValue(Json, out var body) == true)
        {
            body.Example = request.DeepClone();
        }

        foreach (var (status, answer) in recorded["responses"]?.AsObject() ?? [])
        {
            if (operation.Responses?.TryGetValue(status, out var declared) != true || declared is not OpenApiResponse response)
            {
                continue;
            }

            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            if (status[0] == '2')
            {
                var schema = ExampleSchema.Of(answer);
                // One success schema for 200 and 201 alike (a publication answered again is 200 with the same document).
                foreach (var success in operation.Responses.Where(r => r.Key[0] == '2').Select(r => r.Value).OfType<OpenApiResponse>())
                {
                    success.Content ??= new Dictionary<string, OpenApiMediaType>();
                    success.Content[Json] = new OpenApiMediaType { Schema = schema };
                }
            }

            if (response.Content.Values.FirstOrDefault() is { } media)
            {
                media.Example = answer?.DeepClone();
            }
        }

        return Task.CompletedTask;
    }

    private static Dictionary<string, JsonObject> Load()
    {
        var assembly = typeof(RecordedExamples).Assembly;
        const string prefix = "BsiLedger.Api.OpenApi.Examples.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(
                name => name[prefix.Length..^".json".Length],
                name =>
                {
                    using var stream = assembly.GetManifestResourceStream(name)!;
                    return JsonNode.Parse(stream)!.AsObject();
                });
    }
}
