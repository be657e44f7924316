using BsiLedger.Api.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BsiLedger.Api.Endpoints;

/// <summary>
/// A browser cannot add a bearer header to the Orleans dashboard's page and its data calls, so an SRE signs in once:
/// the token posted here goes into an HttpOnly, same-site-only cookie scoped to the dashboard's path, which
/// <see cref="BearerTokenHandler"/> reads there and nowhere else.
/// </summary>
public static class DashboardSignIn
{
    public const string CookieName = "bsi-dashboard";

    public const string Path = ApiServer.DashboardPath + "-signin";

    private const string Form = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>BsiLedger dashboard: sign in</title></head>
        <body><form method="post" action="/dashboard-signin">
        <label>sre or operator token <input type="password" name="token" autocomplete="off" required autofocus></label>
        <button type="submit">Open the dashboard</button>
        </form></body></html>
        """;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, () => Results.Content(Form, "text/html")).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, SignInAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> SignInAsync(HttpRequest request, AuthTokens tokens, CancellationToken ct)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        var token = form?["token"].ToString() ?? "";
        if (tokens.RoleOf(token) is not (Roles.Sre or Roles.Operator))
        {
            return Problems.ProblemResults.Status(StatusCodes.Status401Unauthorized, "Unauthenticated",
                "the dashboard takes an sre or operator token (Auth:Tokens:sre or Auth:Tokens:operator)");
        }

        request.HttpContext.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            Path = ApiServer.DashboardPath,
            MaxAge = TimeSpan.FromHours(12),
        });
        return Results.Redirect(ApiServer.DashboardPath + "/");
    }
}
