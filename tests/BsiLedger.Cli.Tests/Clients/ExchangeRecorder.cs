using System.Collections.Concurrent;

namespace BsiLedger.Cli.Tests.Clients;

/// <summary>Sits under the generated client's requests and keeps every exchange, to hold each answer against the document.</summary>
public sealed class ExchangeRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<Exchange> _exchanges = new();

    public IReadOnlyCollection<Exchange> Exchanges => _exchanges;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        _exchanges.Enqueue(new Exchange(request.Method, request.RequestUri!.AbsolutePath, response.StatusCode, sent,
            await response.Content.ReadAsStringAsync(cancellationToken)));
        return response;
    }
}
