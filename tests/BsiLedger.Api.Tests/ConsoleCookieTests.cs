using System.Net;
using System.Net.Http.Json;
using BsiLedger.Api.Auth;
using BsiLedger.Api.Endpoints;
using BsiLedger.Testing;

namespace BsiLedger.Api.Tests;

/// <summary>
/// The console's sign-in cookie (decision 0016), sent as a browser sends it: a cookie header with no bearer header, and
/// on commands the console page's header and origin. Every refused command is checked to have appended nothing.
/// </summary>
public sealed class ConsoleCookieTests(ApiServerFixture server) : ApiTest(server), IDisposable
{
    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = server.BaseAddress,
    };

    private string OwnOrigin => Server.BaseAddress.GetLeftPart(UriPartial.Authority);

    public void Dispose() => _browser.Dispose();

    [Theory]
    [InlineData(Tokens.Operator)]
    [InlineData(Tokens.Auditor)]
    public async Task A_readers_token_signs_in_and_its_cookie_reads_the_api(string token)
    {
        using var signedIn = await SignInAsync(token);

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal(ConsoleSignIn.Home, signedIn.Headers.Location?.OriginalString);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries);
        Assert.Equal($"{ConsoleSignIn.CookieName}={token}", attributes[0]);
        Assert.Contains("httponly", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("path=/", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("max-age=43200", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", attributes, StringComparer.OrdinalIgnoreCase);

        using var releases = await SendAsync(HttpMethod.Get, "/releases", attributes[0]);
        Assert.Equal(HttpStatusCode.OK, releases.StatusCode);
    }

    [Fact]
    public async Task A_device_token_or_a_wrong_one_gets_no_cookie_and_a_page_saying_which_tokens_sign_in()
    {
        var (_, os) = NewRelease();
        var device = UniqueIds.Device("console");
        var deviceToken = (await Enroll(device, os)).GetProperty("deviceToken").GetString()!;

        foreach (var token in new[] { deviceToken, Tokens.DeviceKey, "not-a-token-this-server-issued", "" })
        {
            using var refused = await SignInAsync(token);
            var page = await refused.Content.ReadAsStringAsync(Ct);

            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
            Assert.False(refused.Headers.Contains("Set-Cookie"), token);
            Assert.Contains("That token was not accepted", page, StringComparison.Ordinal);
            Assert.Contains("operator, auditor or sre token", page, StringComparison.Ordinal);
            Assert.Contains("""<form method="post" action="/console/signin">""", page, StringComparison.Ordinal);
        }

        // A device's token put in the cookie by hand is refused too, though as a bearer token it reads its own device.
        using var forged = await SendAsync(HttpMethod.Get, "/releases", $"{ConsoleSignIn.CookieName}={deviceToken}");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_is_a_form_for_a_browser_and_echoes_nothing_unencoded()
    {
        using var response = await _browser.GetAsync(new Uri($"{ConsoleSignIn.Path}?next={Uri.EscapeDataString("/console/\"><script>alert(1)</script>")}", UriKind.Relative), Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("""<html lang="en">""", page, StringComparison.Ordinal);
        Assert.Contains("""<meta name="viewport" content="width=device-width, initial-scale=1">""", page, StringComparison.Ordinal);
        Assert.Contains("""<link rel="stylesheet" href="/console/assets/console.css">""", page, StringComparison.Ordinal);
        Assert.Contains("""type="password" name="token" autocomplete="off""", page, StringComparison.Ordinal);
        Assert.DoesNotContain("not accepted", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/console/releases/iOS%2026.3.1%20(a)", "/console/releases/iOS%2026.3.1%20(a)")]
    [InlineData("/console", "/console")]
    [InlineData("//evil.example", ConsoleSignIn.Home)]
    [InlineData("https://evil.example/console/", ConsoleSignIn.Home)]
    [InlineData("/\\evil.example/console/", ConsoleSignIn.Home)]
    [InlineData("/console/\\\\evil.example", ConsoleSignIn.Home)]
    [InlineData("/releases", ConsoleSignIn.Home)]
    [InlineData("/consoleevil", ConsoleSignIn.Home)]
    public async Task Next_is_followed_to_a_console_path_only(string next, string location)
    {
        using var page = await _browser.GetAsync(new Uri($"{ConsoleSignIn.Path}?next={Uri.EscapeDataString(next)}", UriKind.Relative), Ct);
        var carried = (await page.Content.ReadAsStringAsync(Ct)).Contains("name=\"next\"", StringComparison.Ordinal);
        Assert.Equal(location != ConsoleSignIn.Home, carried);

        using var signedIn = await SignInAsync(Tokens.Auditor, next);

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal(location, signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_command_with_the_cookie_the_header_and_the_servers_own_origin_goes_through()
    {
        var (release, _) = NewRelease('a');
        var second = release.Replace("(a)", "(b)", StringComparison.Ordinal);
        var cookie = await CookieAsync(Tokens.Operator);

        using (var sent = await PublishAsync(release, cookie, console: "1", OwnOrigin, fetchSite: "same-origin"))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        // Sec-Fetch-Site is judged only when the browser sends it.
        using (var sent = await PublishAsync(second, cookie, console: "1", OwnOrigin, fetchSite: null))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        Assert.Equal(1, await RowsAsync(release));
        Assert.Equal(1, await RowsAsync(second));
    }

    [Theory]
    [InlineData(null, "own", "same-origin", ConsoleCookieGuard.Header)]
    [InlineData("0", "own", "same-origin", ConsoleCookieGuard.Header)]
    [InlineData("1", "another port", "same-site", "Origin")]
    [InlineData("1", "another port", null, "Origin")]
    [InlineData("1", "another host", null, "Origin")]
    [InlineData("1", "https", null, "Origin")]
    [InlineData("1", "none", null, "Origin")]
    [InlineData("1", "own", "same-site", "Sec-Fetch-Site")]
    [InlineData("1", "own", "cross-site", "Sec-Fetch-Site")]
    [InlineData("1", "own", "none", "Sec-Fetch-Site")]
    [InlineData(null, "none", null, ConsoleCookieGuard.Header)]
    public async Task A_command_with_the_cookie_but_no_proof_it_came_from_the_console_is_403_and_appends_nothing(
        string? console, string origin, string? fetchSite, string named)
    {
        var (release, _) = NewRelease();
        var port = Server.BaseAddress.Port;
        var sentOrigin = origin switch
        {
            "own" => OwnOrigin,
            "another port" => $"http://127.0.0.1:{(port == 65535 ? port - 1 : port + 1)}",
            "another host" => $"http://localhost:{port}",
            "https" => $"https://127.0.0.1:{port}",
            _ => null,
        };

        var cookie = await CookieAsync(Tokens.Operator);
        var problem = await Expect(HttpStatusCode.Forbidden, PublishAsync(release, cookie, console, sentOrigin, fetchSite));

        AssertProblem(problem, "Forbidden");
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await RowsAsync(release));
    }

    [Fact]
    public async Task An_auditors_cookie_forcing_a_command_gets_the_routes_403()
    {
        var (release, _) = NewRelease();

        var cookie = await CookieAsync(Tokens.Auditor);
        var problem = await Expect(HttpStatusCode.Forbidden, PublishAsync(release, cookie, console: "1", OwnOrigin, fetchSite: "same-origin"));

        AssertProblem(problem, "Forbidden");
        Assert.Equal("the auditor role may not do this", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await RowsAsync(release));
    }

    [Fact]
    public async Task A_bearer_request_needs_no_console_header_nor_origin_and_outranks_a_cookie()
    {
        var (release, _) = NewRelease();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/releases", UriKind.Relative))
        {
            Content = JsonContent.Create(new { id = release, components = new[] { "WebKit" } }),
        };
        request.Headers.Authorization = new("Bearer", Tokens.Operator);
        request.Headers.Add("Cookie", await CookieAsync(Tokens.Auditor));
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var sent = await _browser.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(1, await RowsAsync(release));
    }

    [Fact]
    public async Task Signing_in_again_while_signed_in_takes_the_new_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ConsoleSignIn.Path, UriKind.Relative)) { Content = Form(Tokens.Operator, next: null) };
        request.Headers.Add("Cookie", await CookieAsync(Tokens.Auditor));
        request.Headers.Add("Origin", OwnOrigin);

        using var signedIn = await _browser.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.StartsWith($"{ConsoleSignIn.CookieName}={Tokens.Operator};", Assert.Single(signedIn.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_clears_the_cookie_and_goes_back_to_the_sign_in_page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ConsoleSignIn.SignOutPath, UriKind.Relative));
        request.Headers.Add("Cookie", await CookieAsync(Tokens.Operator));

        using var signedOut = await _browser.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        Assert.Equal(ConsoleSignIn.Path, signedOut.Headers.Location?.OriginalString);
        var attributes = Assert.Single(signedOut.Headers.GetValues("Set-Cookie")).Split(';', StringSplitOptions.TrimEntries);
        Assert.Equal($"{ConsoleSignIn.CookieName}=", attributes[0]);
        Assert.Contains("path=/", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains(attributes, attribute => attribute.StartsWith("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FormUrlEncodedContent Form(string token, string? next) =>
        new(next is null ? [new("token", token)] : [new("token", token), new("next", next)]);

    private Task<HttpResponseMessage> SignInAsync(string token, string? next = null) =>
        _browser.PostAsync(new Uri(ConsoleSignIn.Path, UriKind.Relative), Form(token, next), Ct);

    /// <summary>The <c>name=value</c> pair a browser sends back after signing in with <paramref name="token"/>.</summary>
    private async Task<string> CookieAsync(string token)
    {
        using var signedIn = await SignInAsync(token);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        return Assert.Single(signedIn.Headers.GetValues("Set-Cookie")).Split(';')[0];
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string cookie)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await _browser.SendAsync(request, Ct);
    }

    /// <summary>A publication, a command, sent with the console's cookie and whichever of the page's proofs are not null.</summary>
    private async Task<HttpResponseMessage> PublishAsync(string release, string cookie, string? console, string? origin, string? fetchSite)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/releases", UriKind.Relative))
        {
            Content = JsonContent.Create(new { id = release, components = new[] { "WebKit" } }),
        };
        request.Headers.Add("Cookie", cookie);
        AddUnlessNull(request, ConsoleCookieGuard.Header, console);
        AddUnlessNull(request, "Origin", origin);
        AddUnlessNull(request, "Sec-Fetch-Site", fetchSite);
        return await _browser.SendAsync(request, Ct);
    }

    private static void AddUnlessNull(HttpRequestMessage request, string header, string? value)
    {
        if (value is not null)
        {
            request.Headers.Add(header, value);
        }
    }
}
