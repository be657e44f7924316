using System.Text;
using BsiLedger.Api.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BsiLedger.Api.WebConsole;

/// <summary>
/// <c>/console/</c>: one page shell for every console page, its stylesheet and its script (docs/console.md). The shell
/// knows only the signed-in role, so that an auditor's or an SRE's page draws no command; everything it shows, its
/// script reads from the API routes with the console's cookie (decision 0016).
/// </summary>
public static class ConsolePages
{
    public const string Path = "/console";

    // The pages load nothing but their own files, and talk to nothing but this server.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static void Map(IEndpointRouteBuilder app)
    {
        // "/console/" is also "/console": routing ignores a trailing slash.
        foreach (var page in new[] { Path + "/", Path + "/releases/{id}", Path + "/devices/{id}" })
        {
            app.MapGet(page, Shell).AllowAnonymous().ExcludeFromDescription();
        }

        app.MapGet(Path + "/assets/{name}", (string name, HttpContext context) => ConsoleAsset.Linked(name) is { } asset
                ? Serve(context, asset.Content, asset.ContentType)
                : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Shell(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated is not true)
        {
            return Results.Redirect($"{Endpoints.ConsoleSignIn.Path}?next={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
        }

        var role = Roles.All.FirstOrDefault(candidate => user.IsInRole(candidate) && Endpoints.ConsoleSignIn.Admits(candidate));
        if (role is null)
        {
            return Problems.ProblemResults.Status(StatusCodes.Status403Forbidden, "Forbidden",
                "the console is for the operator, auditor and sre roles; sign in with one of their tokens at " + Endpoints.ConsoleSignIn.Path);
        }

        // The role is one of the fixed names above, never text from the request.
        var page = Encoding.UTF8.GetString(ConsoleAsset.Shell.Content).Replace("{{role}}", role, StringComparison.Ordinal);
        return Serve(context, Encoding.UTF8.GetBytes(page), ConsoleAsset.Shell.ContentType);
    }

    private static IResult Serve(HttpContext context, byte[] content, string contentType)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // A new binary serves new pages at once.
        headers.CacheControl = "no-cache";
        return Results.Bytes(content, contentType);
    }
}
