using System.Net.Http.Headers;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Host;
using BsiLedger.Testing;
using Microsoft.AspNetCore.Builder;

namespace BsiLedger.Api.Tests;

/// <summary>
/// One real <c>bsi serve</c> host per test assembly: the silo, Marten on a private PostgreSQL, and the HTTP API on a free
/// loopback port, reached over real HTTP. Tests keep apart by unique device ids and base versions.
/// </summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public PostgresFixture Postgres { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public string ConnectionString => Postgres.ConnectionString;

    /// <summary>A client that sends <paramref name="token"/> as its bearer token (none when null).</summary>
    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <param name="configuration">Settings over <see cref="Tokens.Configuration"/>'s, such as a token for another role.</param>
    public static async Task<WebApplication> StartAsync(string connectionString, Uri address, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var ledger = new LedgerHostOptions(connectionString) { Telemetry = TelemetryMode.None };
        var settings = Tokens.Configuration();
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = ApiServer.Build(new ServeOptions(ledger, address.ToString().TrimEnd('/')) { Configuration = settings });
        await app.StartAsync();
        return app;
    }

    public static Uri FreeAddress() => new($"http://127.0.0.1:{FreeTcpPort.Pick()}");

    public async ValueTask InitializeAsync()
    {
        await Postgres.InitializeAsync();
        BaseAddress = FreeAddress();
        _app = await StartAsync(Postgres.ConnectionString, BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Postgres.DisposeAsync();
    }
}
