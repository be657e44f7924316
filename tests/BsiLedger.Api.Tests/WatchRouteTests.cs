using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;

namespace BsiLedger.Api.Tests;

/// <summary>
/// What an SRE watches, on a second server over the same ledger whose <c>sre</c> role has a token (the shared server
/// leaves that role out on purpose): the Prometheus scrape endpoint and the Orleans dashboard.
/// </summary>
public sealed class WatchRouteTests(ApiServerFixture shared) : IAsyncLifetime
{
    private const string SreToken = "sre-token-4d2f8a61c0b9e375";

    private WebApplication? _app;
    private Uri _address = null!;

    public async ValueTask InitializeAsync()
    {
        _address = ApiServerFixture.FreeAddress();
        _app = await ApiServerFixture.StartAsync(shared.ConnectionString, _address, new Dictionary<string, string?> { ["Auth:Tokens:sre"] = SreToken });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_scrape_endpoint_serves_the_ledgers_metrics_in_Prometheus_text_to_the_sre_and_no_one_without_a_watching_role()
    {
        var os = Testing.UniqueIds.BaseVersion();
        var release = $"iOS {os} (a)";
        var device = Testing.UniqueIds.Device("watched");
        using var operatorClient = Client(Tokens.Operator);
        await Send(operatorClient, HttpMethod.Post, "/releases", $$"""{"id":"{{release}}","components":["WebKit"]}""", HttpStatusCode.Created);
        await Send(operatorClient, HttpMethod.Post, "/devices", $$"""{"id":"{{device}}","platform":"iOS","os":"{{os}}"}""", HttpStatusCode.Created);
        await Send(operatorClient, HttpMethod.Post, $"/devices/{device}/install", $$"""{"release":"{{release}}"}""", HttpStatusCode.OK);

        using var sre = Client(SreToken);
        using var scraped = await sre.GetAsync(new Uri(ApiServer.MetricsPath, UriKind.Relative), Ct);
        var text = await scraped.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.StartsWith("text/plain", scraped.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains(text.Split('\n'), line => line.StartsWith("bsi_device_installs", StringComparison.Ordinal) && line.Contains(release, StringComparison.Ordinal));
        Assert.Contains("# TYPE bsi_journal_append_duration", text, StringComparison.Ordinal);
        await ExpectStatus(Client(Tokens.Auditor), ApiServer.MetricsPath, HttpStatusCode.Forbidden);
        await ExpectStatus(Client(null), ApiServer.MetricsPath, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_sre_reads_what_an_auditor_reads_and_commands_nothing()
    {
        var os = Testing.UniqueIds.BaseVersion();
        var release = $"iOS {os} (a)";
        using var operatorClient = Client(Tokens.Operator);
        await Send(operatorClient, HttpMethod.Post, "/releases", $$"""{"id":"{{release}}","components":["WebKit"]}""", HttpStatusCode.Created);
        using var sre = Client(SreToken);

        await ExpectStatus(Client(SreToken), $"/releases/{Uri.EscapeDataString(release)}", HttpStatusCode.OK);
        await ExpectStatus(Client(SreToken), "/releases", HttpStatusCode.OK);
        await ExpectStatus(Client(SreToken), $"/releases/{Uri.EscapeDataString(release)}/timeline", HttpStatusCode.OK);
        await Send(sre, HttpMethod.Post, $"/releases/{Uri.EscapeDataString(release)}/pause", "{}", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_Orleans_dashboard_is_served_to_the_sre_and_no_one_without_a_watching_role()
    {
        using var sre = Client(SreToken);
        using var page = await sre.GetAsync(new Uri(ApiServer.DashboardPath + "/", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        await ExpectStatus(Client(Tokens.Auditor), ApiServer.DashboardPath + "/", HttpStatusCode.Forbidden);
        await ExpectStatus(Client(null), ApiServer.DashboardPath + "/", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_browser_signs_in_to_the_dashboard_once_with_an_sre_token_and_the_cookie_opens_the_dashboard_only()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _address };
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri(ApiServer.DashboardPath + "/", UriKind.Relative));
        page.Headers.Accept.ParseAdd("text/html");
        using (var unsigned = await browser.SendAsync(page, Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, unsigned.StatusCode);
            Assert.Equal(Endpoints.DashboardSignIn.Path, unsigned.Headers.Location?.OriginalString);
        }

        using (var refused = await browser.PostAsync(new Uri(Endpoints.DashboardSignIn.Path, UriKind.Relative), Form(Tokens.Auditor), Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.False(refused.Headers.Contains("Set-Cookie"));
        }

        using var signedIn = await browser.PostAsync(new Uri(Endpoints.DashboardSignIn.Path, UriKind.Relative), Form(SreToken), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        var pair = cookie.Split(';')[0];

        Assert.Equal(HttpStatusCode.OK, await WithCookieAsync(browser, ApiServer.DashboardPath + "/", pair));
        Assert.Equal(HttpStatusCode.Unauthorized, await WithCookieAsync(browser, ApiServer.MetricsPath, pair));
    }

    [Fact]
    public async Task An_sre_signs_in_to_the_console_too_and_its_cookie_opens_what_the_sre_watches()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _address };
        using var signedIn = await browser.PostAsync(new Uri(Endpoints.ConsoleSignIn.Path, UriKind.Relative), Form(SreToken), Ct);

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        var pair = Assert.Single(signedIn.Headers.GetValues("Set-Cookie")).Split(';')[0];
        Assert.Equal($"{Endpoints.ConsoleSignIn.CookieName}={SreToken}", pair);
        Assert.Equal(HttpStatusCode.OK, await WithCookieAsync(browser, ApiServer.MetricsPath, pair));
        Assert.Equal(HttpStatusCode.OK, await WithCookieAsync(browser, "/releases", pair));
    }

    private static FormUrlEncodedContent Form(string token) => new([new KeyValuePair<string, string>("token", token)]);

    private static async Task<HttpStatusCode> WithCookieAsync(HttpClient browser, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await browser.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromMinutes(1) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static async Task ExpectStatus(HttpClient client, string path, HttpStatusCode status)
    {
        using (client)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal(status, response.StatusCode);
        }
    }

    private static async Task Send(HttpClient client, HttpMethod method, string path, string json, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request, Ct);
        Assert.True(response.StatusCode == status, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
