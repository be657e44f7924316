using System.Text.Json;
using System.Text.RegularExpressions;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests.Clients;

/// <summary>
/// The committed OpenAPI document (<c>docs/openapi/v1.json</c>) the client is generated from, as a judge of real
/// exchanges: whether an answer's status is one the operation declares, and whether its body fits the declared schema.
/// </summary>
public sealed class ApiDescription
{
    public static string FilePath { get; } = Path.Combine(RepositoryRoot.Path, "docs", "openapi", "v1.json");

    private readonly JsonElement _document;
    private readonly List<(string Method, Regex Path, string Template, JsonElement Operation)> _operations;

    private ApiDescription(JsonElement document)
    {
        _document = document;
        _operations = [.. from path in document.GetProperty("paths").EnumerateObject()
                          from method in path.Value.EnumerateObject()
                          select (method.Name.ToUpperInvariant(), new Regex("^" + Regex.Replace(path.Name, @"\{[^}]+\}", "[^/]+") + "$"), path.Name, method.Value)];
    }

    public static ApiDescription Load() => new(JsonDocument.Parse(File.ReadAllText(FilePath)).RootElement.Clone());

    /// <summary>What is wrong with the exchange as the document describes its operation; nothing when it fits.</summary>
    public IEnumerable<string> Misfits(Exchange exchange)
    {
        var name = $"{exchange.Method} {exchange.Path}";
        var match = Match(exchange);
        if (match.Template is null)
        {
            yield return $"{name}: no such operation in the document";
            yield break;
        }

        var status = ((int)exchange.Status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!match.Operation.GetProperty("responses").TryGetProperty(status, out var response))
        {
            yield return $"{name}: answered {status}, which {match.Operation.GetProperty("operationId")} does not declare";
            yield break;
        }

        if (exchange.ResponseBody.Length == 0 || !response.TryGetProperty("content", out var content))
        {
            yield break;
        }

        var schema = content.EnumerateObject().First().Value.GetProperty("schema");
        var problems = new List<string>();
        Fit(JsonDocument.Parse(exchange.ResponseBody).RootElement, schema, $"{name} {status}", problems);
        foreach (var problem in problems)
        {
            yield return problem;
        }
    }

    /// <summary>The operationId of the operation the exchange called, if the document has it.</summary>
    public string? OperationId(Exchange exchange) => Match(exchange) is { Template: not null } match ? match.Operation.GetProperty("operationId").GetString() : null;

    private (string Method, Regex Path, string Template, JsonElement Operation) Match(Exchange exchange) =>
        _operations.FirstOrDefault(o => o.Method == exchange.Method.Method && o.Path.IsMatch(exchange.Path));

    private void Fit(JsonElement value, JsonElement schema, string at, List<string> problems)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = _document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return;
        }

        string[] types = type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];
        var kind = value.ValueKind switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        };
        if (!types.Contains(kind) && !(kind == "number" && types.Contains("integer")) && !(kind == "string" && types.Contains("integer")))
        {
            problems.Add($"{at}: a {kind} where the document says {string.Join(" or ", types)}");
            return;
        }

        if (kind == "object" && schema.TryGetProperty("properties", out var properties))
        {
            var open = schema.TryGetProperty("additionalProperties", out _);
            foreach (var property in value.EnumerateObject())
            {
                if (properties.TryGetProperty(property.Name, out var declared))
                {
                    Fit(property.Value, declared, $"{at}.{property.Name}", problems);
                }
                else if (!open)
                {
                    problems.Add($"{at}: '{property.Name}' is not in the document");
                }
            }
        }

        if (kind == "array" && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Fit(item, items, $"{at}[{i++}]", problems);
            }
        }
    }
}
