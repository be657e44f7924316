using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BsiLedger.Api.OpenApi;

/// <summary>
/// The document as a whole: its title, the bearer scheme every operation names, what each tag groups, and the server's
/// URL without the trailing slash ASP.NET writes (a client joining it with a path that starts with <c>/</c> doubles it).
/// </summary>
public sealed class BearerDocument : IOpenApiDocumentTransformer
{
    public const string Scheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "BsiLedger";
        document.Info.Description = "The ledger of Background Security Improvement rollouts: releases, devices and their audit. "
            + "Every operation takes a bearer token of one of the roles it names (x-bsi-roles); errors are RFC 7807 problems.";
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A role's token (Auth:Tokens:<role>), or a device's own token DEVICE-ID.HMAC for its reports.",
        };
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = "releases", Description = "Publish, plan, start, pause, resume and recall a release; read its rollout." },
            new() { Name = "devices", Description = "Enrol devices and issue their tokens; a device reports its installs for itself." },
            new() { Name = "audit", Description = "What the stored history says: a device's history and state at an instant, exposure, integrity." },
        };
        return Task.CompletedTask;
    }
}
