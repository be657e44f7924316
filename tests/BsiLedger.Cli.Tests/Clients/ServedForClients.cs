using System.Net.Http.Headers;
using BsiLedger.Cli.Tests.Serving;
using BsiLedger.Client;
using BsiLedger.Testing;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace BsiLedger.Cli.Tests.Clients;

/// <summary>
/// A real <c>bsi serve</c> for the generated client's tests, and clients of it as its users make them: one per bearer
/// token, every exchange kept by one <see cref="ExchangeRecorder"/>.
/// </summary>
public sealed class ServedForClients(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly ExchangeRecorder _recorder = new(new SocketsHttpHandler());
    private readonly List<HttpClient> _http = [];
    private ServedBsi? _served;

    public ServedBsi Served => _served!;

    public IReadOnlyCollection<Exchange> Exchanges => _recorder.Exchanges;

    public async ValueTask InitializeAsync() =>
        _served = await ServedBsi.StartAsync(await postgres.CreateDatabaseAsync(), TimeSpan.FromMilliseconds(200));

    /// <summary>The generated client sending <paramref name="token"/>; the bearer header is set on the HTTP client, as Kiota's own provider sends tokens over https only.</summary>
    public BsiLedgerClient Client(string token)
    {
        var http = new HttpClient(_recorder, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.Add(http);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = Served.Http.BaseAddress!.ToString().TrimEnd('/'),
        };
        return new BsiLedgerClient(adapter);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var http in _http)
        {
            http.Dispose();
        }

        _recorder.Dispose();
        if (_served is not null)
        {
            await _served.DisposeAsync();
        }
    }
}
