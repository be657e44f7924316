using System.Security.Claims;
using System.Text.Encodings.Web;
using BsiLedger.Api.Endpoints;
using BsiLedger.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BsiLedger.Api.Auth;

/// <summary>
/// <c>Authorization: Bearer TOKEN</c>: a role's token (<see cref="AuthTokens"/>) or a device's own
/// (<see cref="DeviceTokens"/>) becomes a principal in that role; 401 and 403 answer as problem details. Without the
/// header, a browser's sign-in cookie stands in for it: the dashboard's under its path, the console's everywhere.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private const string Prefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Task.FromResult(
                DashboardCookie() is { } signedIn ? Authenticate(signedIn)
                : Request.Cookies.TryGetValue(ConsoleSignIn.CookieName, out var console) ? AuthenticateConsole(console)
                : AuthenticateResult.NoResult());
        }

        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("the Authorization header is not a bearer token"));
        }

        return Task.FromResult(Authenticate(header[Prefix.Length..].Trim()));
    }

    /// <summary>The dashboard's sign-in cookie, read under the dashboard's path only (<see cref="DashboardSignIn"/>).</summary>
    private string? DashboardCookie() =>
        Request.Path.StartsWithSegments(ApiServer.DashboardPath, StringComparison.Ordinal)
        && Request.Cookies.TryGetValue(DashboardSignIn.CookieName, out var token) && tokens.RoleOf(token) is not null
            ? token
            : null;

    private AuthenticateResult Authenticate(string token)
    {
        Claim[]? claims = tokens.RoleOf(token) is { } role
            ? RoleClaims(role)
            : tokens.Devices?.DeviceOf(token) is { } device
                ? [new(ClaimTypes.Name, device), new(ClaimTypes.Role, Roles.Device), new(LedgerClaims.Device, device)]
                : null;
        return claims is null ? AuthenticateResult.Fail("the token is not one this server issued") : Success(claims, SchemeName);
    }

    /// <summary>
    /// The console's sign-in cookie (<see cref="ConsoleSignIn"/>): the token's role as a bearer header would give it, on an
    /// identity whose authentication type is the cookie's name, which <see cref="ConsoleCookieGuard"/> looks for. Only
    /// what the sign-in accepts: a device's token in it, set by hand, is refused.
    /// </summary>
    private AuthenticateResult AuthenticateConsole(string token) =>
        tokens.RoleOf(token) is { } role && ConsoleSignIn.Admits(role)
            ? Success(RoleClaims(role), ConsoleSignIn.CookieName)
            : AuthenticateResult.Fail($"the {ConsoleSignIn.CookieName} cookie holds no token the console takes; sign in again");

    private static Claim[] RoleClaims(string role) => [new(ClaimTypes.Name, role), new(ClaimTypes.Role, role)];

    private static AuthenticateResult Success(Claim[] claims, string authenticationType) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType)), SchemeName));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Request.Path.StartsWithSegments(ApiServer.DashboardPath, StringComparison.Ordinal)
            && Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            // A person in a browser: to the sign-in form rather than a problem document.
            Response.Redirect(DashboardSignIn.Path);
            return Task.CompletedTask;
        }

        Response.Headers.WWWAuthenticate = SchemeName;
        return ProblemResults.Status(StatusCodes.Status401Unauthorized, "Unauthenticated",
            "send Authorization: Bearer TOKEN with a token configured for your role (Auth:Tokens:<role>) or issued to your device")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResults.Status(StatusCodes.Status403Forbidden, "Forbidden",
            $"the {Context.User.FindFirstValue(ClaimTypes.Role)} role may not do this"
            + (Context.User.FindFirstValue(LedgerClaims.Device) is { } device ? $": a device token reports for its own device ({device}) only" : ""))
            .ExecuteAsync(Context);
}
