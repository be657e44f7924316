using System.Text.Json.Nodes;
using BsiLedger.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BsiLedger.Api.OpenApi;

/// <summary>
/// Each operation names the bearer scheme and the roles its policy admits, in its description for a person and as
/// <c>x-bsi-roles</c> for a program, both read from <see cref="Policies.RolesOf"/>, which the server enforces.
/// </summary>
public sealed class RoleOperations : IOpenApiOperationTransformer
{
    public const string Extension = "x-bsi-roles";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var policy = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(data => data.Policy).LastOrDefault(name => name is not null);
        if (policy is null)
        {
            return Task.CompletedTask;
        }

        var roles = Policies.RolesOf[policy];
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerDocument.Scheme, context.Document)] = [] }];
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[Extension] = new JsonNodeExtension(new JsonArray([.. roles.Select(role => JsonValue.Create(role))]));
        var who = policy == Policies.DeviceReport
            ? "operator, or the device the route names with its own token"
            : string.Join(", ", roles);
        operation.Description = $"{operation.Description}{(operation.Description is null ? "" : "\n\n")}Roles: {who}.";
        return Task.CompletedTask;
    }
}
