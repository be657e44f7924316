using System.Collections.Concurrent;
using System.Net;
using BsiLedger.EventStore.Postgres;

namespace BsiLedger.Cli.Tests;

/// <summary>A stand-in OTLP/HTTP collector on loopback: accepts every export and keeps its path and body.</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        Endpoint = $"http://127.0.0.1:{FreeTcpPort.Pick()}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(ReceiveAsync);
    }

    public string Endpoint { get; }

    public ConcurrentQueue<(string Path, byte[] Body)> Exports { get; } = new();

    /// <summary>Whether any export to the path (e.g. <c>/v1/traces</c>) carried the text, as protobuf carries strings verbatim.</summary>
    public bool Received(string path, string text) =>
        Exports.Any(e => e.Path == path && System.Text.Encoding.UTF8.GetString(e.Body).Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
        _listener.Close();
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Exports.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
