using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace BsiLedger.Cli.Chaos;

/// <summary>
/// The cluster's HTTP API as one endpoint: requests go round-robin to the silos that are up, and one that gets no
/// answer (connection refused or reset by a killed silo, a timeout, a 5xx) goes again to the next silo with the same
/// <c>Idempotency-Key</c>, so the ledger can answer a command it already took with its first outcome.
/// </summary>
public sealed class ClusterApi(IReadOnlyList<SiloProcess> silos, HttpClient http)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    private long _next;
    private long _requests;
    private long _retries;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Attempts sent again to another silo after one went unanswered.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <param name="key">The command's idempotency key, the same on every attempt; null for a read.</param>
    public async Task<ApiReply> SendAsync(HttpMethod method, string path, string token, object? body, string? key, CancellationToken ct)
    {
        Interlocked.Increment(ref _requests);
        var started = DateTimeOffset.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            if (NextUp() is { } silo && await TryAsync(silo, method, path, token, body, key, ct) is { } reply)
            {
                return reply;
            }

            if (DateTimeOffset.UtcNow - started > GiveUpAfter)
            {
                throw new ChaosApiException($"{method} /{path}: no silo answered within {GiveUpAfter.TotalMinutes:0} minutes");
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(50 * attempt, 1000)), ct);
        }
    }

    private async Task<ApiReply?> TryAsync(SiloProcess silo, HttpMethod method, string path, string token, object? body, string? key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(silo.Address, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            if ((int)response.StatusCode >= 500)
            {
                return null;
            }

            var text = await response.Content.ReadAsStringAsync(ct);
            return new ApiReply((int)response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private SiloProcess? NextUp()
    {
        for (var i = 0; i < silos.Count; i++)
        {
            var silo = silos[(int)(Interlocked.Increment(ref _next) % silos.Count)];
            if (silo.IsUp)
            {
                return silo;
            }
        }

        return null;
    }
}
