using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace BsiLedger.Api.OpenApi;

/// <summary>
/// The schema a recorded answer implies: objects with the properties it holds, each of which may be null, arrays of
/// what all their items hold together, strings, booleans and numbers. A value only ever seen null
/// says nothing of its type and gets no constraint. Every number is a <c>number</c>: a fraction that happened to be
/// whole (a share of 1) is no integer.
/// </summary>
public static class ExampleSchema
{
    public static OpenApiSchema Of(JsonNode? example) => Loosen(Infer(example));

    private static OpenApiSchema Infer(JsonNode? example) => example switch
    {
        JsonObject obj => new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = obj.ToDictionary(property => property.Key, property => (IOpenApiSchema)MayBeNull(Infer(property.Value))),
        },
        JsonArray array => new OpenApiSchema { Type = JsonSchemaType.Array, Items = array.Select(Infer).Aggregate(Unknown(), Merge) },
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => new OpenApiSchema { Type = JsonSchemaType.String },
            JsonValueKind.Number => new OpenApiSchema { Type = JsonSchemaType.Number },
            JsonValueKind.True or JsonValueKind.False => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            _ => Null(),
        },
        _ => Null(),
    };

    /// <summary>What two values of the same place hold between them.</summary>
    private static OpenApiSchema Merge(OpenApiSchema a, OpenApiSchema b)
    {
        if (IsUnknown(a) || IsUnknown(b))
        {
            return IsUnknown(a) ? b : a;
        }

        var type = a.Type | b.Type;
        if ((type & ~JsonSchemaType.Null) is var kinds && kinds != 0 && (kinds & (kinds - 1)) != 0)
        {
            // Two kinds of value in one place: nothing this recording can state.
            return new OpenApiSchema();
        }

        var merged = new OpenApiSchema { Type = type };
        if (a.Properties is not null || b.Properties is not null)
        {
            var names = (a.Properties?.Keys ?? []).Union(b.Properties?.Keys ?? []);
            merged.Properties = names.ToDictionary(name => name, name => (IOpenApiSchema)Merge(Property(a, name), Property(b, name)));
        }

        if (a.Items is not null || b.Items is not null)
        {
            merged.Items = Merge(a.Items as OpenApiSchema ?? Unknown(), b.Items as OpenApiSchema ?? Unknown());
        }

        return merged;
    }

    /// <summary>
    /// The documents write null for what has not happened yet (a halt, a recall, a wave's completion), so a field the
    /// recording saw filled may be null in another answer.
    /// </summary>
    private static OpenApiSchema MayBeNull(OpenApiSchema schema)
    {
        schema.Type |= schema.Type is null ? null : JsonSchemaType.Null;
        return schema;
    }

    /// <summary>Takes the constraint off what was only ever null: the recording does not know what it holds otherwise.</summary>
    private static OpenApiSchema Loosen(OpenApiSchema schema)
    {
        if (schema.Type == JsonSchemaType.Null)
        {
            return Unknown();
        }

        foreach (var name in schema.Properties?.Keys.ToList() ?? [])
        {
            schema.Properties![name] = Loosen((OpenApiSchema)schema.Properties[name]);
        }

        if (schema.Items is OpenApiSchema items)
        {
            schema.Items = Loosen(items);
        }

        return schema;
    }

    /// <summary>A value seen only as null: it may be null, of a type not known.</summary>
    private static OpenApiSchema Null() => new() { Type = JsonSchemaType.Null };

    private static OpenApiSchema Unknown() => new();

    private static OpenApiSchema Property(OpenApiSchema schema, string name) =>
        schema.Properties is { } properties && properties.TryGetValue(name, out var property) && property is OpenApiSchema known ? known : Unknown();

    private static bool IsUnknown(OpenApiSchema schema) => schema.Type is null;
}
