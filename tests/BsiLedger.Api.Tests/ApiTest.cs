using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BsiLedger.Testing;

namespace BsiLedger.Api.Tests;

/// <summary>Calls the API as its users would; every call also asserts the status it expects.</summary>
public abstract class ApiTest(ApiServerFixture server)
{
    protected ApiServerFixture Server => server;

    protected HttpClient Operator { get; } = server.Client(Tokens.Operator);

    protected HttpClient Auditor { get; } = server.Client(Tokens.Auditor);

    /// <summary>A release of a product line no other test uses, e.g. <c>iOS 61.204.7 (a)</c>, and its base version.</summary>
    protected static (string Release, string Os) NewRelease(char letter = 'a')
    {
        var os = UniqueIds.BaseVersion();
        return ($"iOS {os} ({letter})", os);
    }

    /// <summary>A release id in a route, spaces percent-encoded as a client writes them: <c>iOS%2026.3.1%20(a)</c>.</summary>
    protected static string Route(string release) => release.Replace(" ", "%20", StringComparison.Ordinal);

    protected static async Task<JsonElement> Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode}\n{text}");
        return text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }

    protected static Task<HttpResponseMessage> Get(HttpClient client, string path) =>
        client.GetAsync(path, TestContext.Current.CancellationToken);

    protected static Task<HttpResponseMessage> Post(HttpClient client, string path, object? body = null) =>
        client.PostAsync(path, body is null ? null : JsonContent.Create(body), TestContext.Current.CancellationToken);

    protected static Task<HttpResponseMessage> PostText(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    protected Task<JsonElement> Enroll(string device, string os) =>
        Expect(HttpStatusCode.Created, Post(Operator, "/devices", new { id = device, platform = "iOS", os }));

    protected Task<JsonElement> Publish(string release) =>
        Expect(HttpStatusCode.Created, Post(Operator, "/releases", new { id = release, components = new[] { "WebKit" } }));

    /// <summary>
    /// A release planned in one wave over four devices enrolled for it, with a long soak and a sample the wave never
    /// reaches, started: the wave runs throughout, neither completed nor halted.
    /// </summary>
    protected async Task<(string Release, string Path, string[] Fleet)> StartRunningWaveAsync(string devicePrefix)
    {
        var (release, os) = NewRelease();
        string[] fleet = [.. Enumerable.Range(0, 4).Select(_ => UniqueIds.Device(devicePrefix))];
        foreach (var device in fleet)
        {
            await Enroll(device, os);
        }

        await Publish(release);
        var path = $"/releases/{Route(release)}";
        await Expect(HttpStatusCode.OK, Post(Operator, $"{path}/plan", new { waves = new[] { new { share = 1.0, soak = "30d", failureThreshold = 0.5 } }, minSample = 100 }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"{path}/start"));
        return (release, path, fleet);
    }

    /// <summary>The first device installs and applies <paramref name="release"/>, the second installs it, the third fails it.</summary>
    protected async Task ReportInstalledAppliedAndFailedAsync(string release, string[] fleet)
    {
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{fleet[0]}/install", new { release }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{fleet[0]}/apply", new { release }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{fleet[1]}/install", new { release }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{fleet[2]}/fail", new { release, reason = "staging failed" }));
    }

    protected Task<long> RowsAsync(string streamId) => StoredRows.CountAsync(server.ConnectionString, streamId);

    /// <summary>Asserts a problem document: its <c>code</c> (the typed error's name) and, for bad input, the field it names.</summary>
    protected static void AssertProblem(JsonElement problem, string code, string? field = null)
    {
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(code, problem.GetProperty("title").GetString());
        if (field is not null)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }
    }
}
