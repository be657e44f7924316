using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace BsiLedger.Api.Endpoints;

/// <summary>
/// The console's sign-in form, served from the server: it is the one page a person reaches without the cookie. A refused
/// token gets the same form back with 401 and a line saying which tokens the console takes.
/// </summary>
public static class ConsoleSignInPage
{
    public static IResult Render(string? next, bool refused)
    {
        var refusal = refused
            ? """
              <p role="alert">That token was not accepted. The console takes an operator, auditor or sre token
              (Auth:Tokens:operator, Auth:Tokens:auditor or Auth:Tokens:sre), never a device's.</p>

              """
            : "";
        var carried = next is null ? "" : $"""<input type="hidden" name="next" value="{HtmlEncoder.Default.Encode(next)}">""";
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>BsiLedger console: sign in</title>
            <link rel="stylesheet" href="/console/assets/console.css">
            </head>
            <body>
            <main>
            <h1>Sign in to the BsiLedger console</h1>
            {refusal}<form method="post" action="{ConsoleSignIn.Path}">
            <label for="token">Operator, auditor or sre token</label>
            <input id="token" type="password" name="token" autocomplete="off" required autofocus>
            {carried}
            <button type="submit">Sign in</button>
            </form>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: refused ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
