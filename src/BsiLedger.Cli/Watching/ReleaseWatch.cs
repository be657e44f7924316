using System.Net;
using System.Text.Json;
using BsiLedger.Operations.Input;

namespace BsiLedger.Cli.Watching;

/// <summary>
/// Looks at one release through a running <c>bsi serve</c>: its status, and the rates and gauges on <c>/metrics</c> when
/// the token may read them (an sre or operator token; an auditor's sees the status only).
/// </summary>
public sealed class ReleaseWatch(HttpClient http, string release)
{
    private (MeterCounts Counts, DateTimeOffset At)? _previous;
    private bool _metricsReadable = true;

    public bool MetricsReadable => _metricsReadable;

    public async Task<WatchFrame> LookAsync(CancellationToken ct)
    {
        using var status = await http.GetAsync(new Uri($"/releases/{Uri.EscapeDataString(release)}", UriKind.Relative), ct);
        var body = await status.Content.ReadAsStringAsync(ct);
        switch (status.StatusCode)
        {
            case HttpStatusCode.NotFound:
                throw new ReleaseNotServedException($"release '{release}' is not published on {http.BaseAddress}");
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                throw new UsageException($"{http.BaseAddress} refused the token ({(int)status.StatusCode}): give an sre, operator or auditor token with --token or ${WatchCommandLine.TokenVariable}");
            case var code when !status.IsSuccessStatusCode:
                throw new HttpRequestException($"{http.BaseAddress} answered {(int)code} for the release's status: {body}");
        }

        using var document = JsonDocument.Parse(body);
        var now = TimeProvider.System.GetUtcNow();
        if (!_metricsReadable)
        {
            return new WatchFrame(now, document.RootElement.Clone(), null, null, null);
        }

        using var metrics = await http.GetAsync(new Uri("/metrics", UriKind.Relative), ct);
        if (metrics.StatusCode == HttpStatusCode.Forbidden)
        {
            _metricsReadable = false;
            return new WatchFrame(now, document.RootElement.Clone(), null, null, null);
        }

        metrics.EnsureSuccessStatusCode();
        var samples = PrometheusText.Parse(await metrics.Content.ReadAsStringAsync(ct));
        var counts = MeterCounts.Of(samples, release);
        var rates = _previous is { } previous ? counts.Since(previous.Counts, now - previous.At) : null;
        _previous = (counts, now);
        return new WatchFrame(now, document.RootElement.Clone(), rates, MeterCounts.WaveOf(samples, release), MeterCounts.RecallPendingOf(samples, release));
    }
}
