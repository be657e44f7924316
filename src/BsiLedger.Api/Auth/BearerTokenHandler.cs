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
/// (<see cref="DeviceTokens"/>) becomes a principal in that role; 401 and 403 answer as problem details.
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
            return Task.FromResult(DashboardCookie() is { } signedIn ? Authenticate(signedIn) : AuthenticateResult.NoResult());
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
            ? [new(ClaimTypes.Name, role), new(ClaimTypes.Role, role)]
            : tokens.Devices?.DeviceOf(token) is { } device
                ? [new(ClaimTypes.Name, device), new(ClaimTypes.Role, Roles.Device), new(LedgerClaims.Device, device)]
                : null;
        if (claims is null)
        {
            return AuthenticateResult.Fail("the token is not one this server issued");
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

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
