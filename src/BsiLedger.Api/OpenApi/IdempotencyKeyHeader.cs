using BsiLedger.Api.Input;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BsiLedger.Api.OpenApi;

/// <summary>Declares the optional <c>Idempotency-Key</c> header on every route marked <see cref="TakesIdempotencyKey"/>.</summary>
public sealed class IdempotencyKeyHeader : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<TakesIdempotencyKey>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKey.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "The id the command is recorded under: sent again under the same key, the request appends nothing and "
                + "answers the first outcome. 1 to 100 letters, digits, '.', '_', ':' or '-' (a UUID), bare or quoted.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 102, Pattern = "^\"?[A-Za-z0-9._:-]{1,100}\"?$" },
            Example = "8e03978e-40d5-43e8-bc93-6894a57f9324",
        });
        return Task.CompletedTask;
    }
}
