using BsiLedger.Api.Endpoints;
using BsiLedger.Api.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace BsiLedger.Api.Auth;

/// <summary>
/// The browser sends the <c>bsi-console</c> cookie whoever asked for the request, so a request it authenticated that is not
/// a GET or HEAD must show it came from the console's own page (decision 0016), or it is 403 before any handler runs: the
/// header the page's script adds (a form cannot set one, and another origin's script cannot without a CORS preflight the
/// server never answers), an <c>Origin</c> that is this server's, and <c>Sec-Fetch-Site: same-origin</c> when sent.
/// <c>SameSite=Strict</c> alone lets through another port of this host, or a sibling subdomain, which are the same site.
/// Requests with a bearer header are not affected.
/// </summary>
public static class ConsoleCookieGuard
{
    public const string Header = "X-BsiLedger-Console";

    public static Task CheckAsync(HttpContext context, RequestDelegate next) =>
        Refusal(context) is { } detail
            ? ProblemResults.Status(StatusCodes.Status403Forbidden, "Forbidden", detail).ExecuteAsync(context)
            : next(context);

    private static string? Refusal(HttpContext context)
    {
        var request = context.Request;
        // An anonymous route (signing in, signing out) grants the cookie nothing it would not grant anyone, so there is
        // nothing to forge; guarding it would only stop a signed-in person from signing in again with a plain form.
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || !context.User.Identities.Any(identity => identity.AuthenticationType == ConsoleSignIn.CookieName)
            || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return null;
        }

        var own = $"{request.Scheme}://{request.Host.ToUriComponent()}";
        var origin = request.Headers.Origin.ToString();
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        List<string> missing = [];
        if (request.Headers[Header].ToString() != "1")
        {
            missing.Add($"the header {Header}: 1, which the console's page adds");
        }

        if (!string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            missing.Add(origin.Length == 0 ? $"an Origin header of this server's ({own})" : $"this server's Origin ({own}), not {origin}");
        }

        if (request.Headers.ContainsKey("Sec-Fetch-Site") && site != "same-origin")
        {
            missing.Add($"Sec-Fetch-Site: same-origin, not {site}");
        }

        return missing.Count == 0
            ? null
            : $"a {request.Method} signed in by the {ConsoleSignIn.CookieName} cookie needs {string.Join("; ", missing)}; scripts and other clients send Authorization: Bearer TOKEN instead";
    }
}
