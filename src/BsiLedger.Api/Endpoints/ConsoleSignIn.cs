using BsiLedger.Api.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BsiLedger.Api.Endpoints;

/// <summary>
/// The console's pages call the API from the browser, which cannot add a bearer header, so a person signs in once: the
/// token posted here goes into the <c>bsi-console</c> cookie, which <see cref="BearerTokenHandler"/> reads on every route
/// and <see cref="ConsoleCookieGuard"/> guards on commands (decision 0016).
/// </summary>
public static class ConsoleSignIn
{
    public const string CookieName = "bsi-console";

    public const string Home = "/console/";

    public const string Path = "/console/signin";

    public const string SignOutPath = "/console/signout";

    /// <summary>The roles that read (<see cref="Policies.Read"/>), the console's users; never a device's token.</summary>
    public static bool Admits(string? role) => Policies.RolesOf[Policies.Read].Contains(role);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpRequest request) => ConsoleSignInPage.Render(LocalNext(request.Query["next"].ToString()), refused: false))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, SignInAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        // Unguarded and anonymous: it only removes a cookie, so a forged sign-out costs the person a sign-in and changes
        // nothing in the ledger; and it must work when the cookie's token no longer does (a rotated token).
        app.MapPost(SignOutPath, SignOut).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> SignInAsync(HttpRequest request, AuthTokens tokens, CancellationToken ct)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        var token = form?["token"].ToString() ?? "";
        var next = LocalNext(form?["next"].ToString());
        if (!Admits(tokens.RoleOf(token)))
        {
            return ConsoleSignInPage.Render(next, refused: true);
        }

        request.HttpContext.Response.Cookies.Append(CookieName, token, Cookie(request));
        return SeeOther(request, next ?? Home);
    }

    private static IResult SignOut(HttpRequest request)
    {
        request.HttpContext.Response.Cookies.Delete(CookieName, Cookie(request));
        return SeeOther(request, Path);
    }

    private static CookieOptions Cookie(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/",
        MaxAge = TimeSpan.FromHours(12),
    };

    // 303: the browser follows a form post with a GET.
    private static IResult SeeOther(HttpRequest request, string location)
    {
        request.HttpContext.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>
    /// <paramref name="next"/> when it is a path under <c>/console</c> on this server, else null: a path that starts with
    /// <c>/console/</c> cannot name another host (<c>//host</c>, <c>/\host</c>, <c>https://host</c> all fail the test).
    /// </summary>
    private static string? LocalNext(string? next) =>
        next is not null
        && (next == "/console" || next.StartsWith(Home, StringComparison.Ordinal))
        && !next.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')
            ? next
            : null;
}
