using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests.Serving;

/// <summary>
/// Devices of another line enrolled one after another until stopped, through whatever happens to the server meanwhile:
/// which were tried, which the server acknowledged, and every status it answered.
/// </summary>
public sealed class EnrolmentsInBackground
{
    private readonly ConcurrentQueue<string> _attempted = new();
    private readonly ConcurrentQueue<string> _acknowledged = new();
    private readonly ConcurrentQueue<HttpStatusCode> _statuses = new();
    private readonly Task _loop;
    private volatile bool _stopped;

    public EnrolmentsInBackground(HttpClient http, string rolloutLine)
    {
        // Another base version: these devices are not in the rollout's line, so they change none of its tallies.
        var line = UniqueIds.BaseVersion();
        while (line == rolloutLine)
        {
            line = UniqueIds.BaseVersion();
        }

        _loop = Task.Run(() => EnrollAsync(http, line));
    }

    public async Task<(IReadOnlyCollection<string> Attempted, IReadOnlySet<string> Acknowledged, IReadOnlyCollection<HttpStatusCode> Statuses)> StopAsync()
    {
        _stopped = true;
        await _loop;
        return (_attempted.ToArray(), _acknowledged.ToHashSet(), _statuses.ToArray());
    }

    private async Task EnrollAsync(HttpClient http, string line)
    {
        for (var i = 0; !_stopped; i++)
        {
            var id = $"late-{line}-{i:D5}";
            _attempted.Enqueue(id);
            try
            {
                using var response = await http.PostAsJsonAsync("/devices", new { id, platform = "iOS", os = line }, CancellationToken.None);
                _statuses.Enqueue(response.StatusCode);
                if (response.IsSuccessStatusCode)
                {
                    _acknowledged.Enqueue(id);
                }
            }
            catch (HttpRequestException)
            {
                // The server went away under this request: its outcome is unknown, so it may be stored once or not at all.
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
