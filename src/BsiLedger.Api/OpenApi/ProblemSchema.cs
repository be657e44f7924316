using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BsiLedger.Api.OpenApi;

/// <summary>The problem-details schema with the fields BsiLedger problems add: <c>code</c> always, <c>field</c> for bad input, and more.</summary>
public sealed class ProblemSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(ProblemDetails))
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The typed error's name, as the CLI prints it, e.g. BsiBaseVersionMismatch." };
        // A refusal also carries its outcome's fields (device or release, command, version, correlationId), bad input its errors.
        schema.AdditionalProperties = new OpenApiSchema();
        schema.Properties["field"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "For BadInput: the field, header or 'body' that was wrong." };
        return Task.CompletedTask;
    }
}
