using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BsiLedger.Api.Problems;
using BsiLedger.Operations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace BsiLedger.Api.Input;

/// <summary>
/// Reads a request body strictly: one JSON object within the size limit, no field the request type does not have,
/// each value of its field's type. Anything else is a 400 naming the field (or <c>body</c>) before the ledger is asked.
/// </summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(LedgerJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, ct);
        }
        catch (JsonException e)
        {
            throw new InvalidFieldException("body", $"not a JSON document ({e.Message})");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            throw new InvalidFieldException("body", $"larger than the server's limit of {limit:N0} bytes");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidFieldException("body", $"expected a JSON object with the fields {Expected<T>()}");
            }

            var known = Options.GetTypeInfo(typeof(T)).Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!known.Contains(property.Name))
                {
                    throw new InvalidFieldException(property.Name, $"not a field of this request: expected {Expected<T>()}");
                }
            }

            try
            {
                return document.RootElement.Deserialize<T>(Options)
                    ?? throw new InvalidFieldException("body", $"expected a JSON object with the fields {Expected<T>()}");
            }
            catch (JsonException e)
            {
                throw new InvalidFieldException(Field(e.Path), "not a value of the expected type (text, number, true/false or a list, as docs/api.md shows)");
            }
        }
    }

    private static string Expected<T>() => string.Join(", ", Options.GetTypeInfo(typeof(T)).Properties.Select(p => p.Name));

    /// <summary><c>$.waves[0].soak</c> as <c>waves[0].soak</c>.</summary>
    private static string Field(string? path) => path is null or "$" ? "body" : path.TrimStart('$').TrimStart('.');
}
