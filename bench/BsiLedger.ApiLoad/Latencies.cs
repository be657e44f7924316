using System.Collections.Concurrent;
using System.Net;

namespace BsiLedger.ApiLoad;

/// <summary>Every request's latency and status in one phase, and the figures drawn from them.</summary>
public sealed class Latencies(string phase)
{
    private readonly ConcurrentQueue<double> _milliseconds = new();
    private readonly ConcurrentDictionary<int, int> _statuses = new();

    public void Record(TimeSpan latency, HttpStatusCode status)
    {
        _milliseconds.Enqueue(latency.TotalMilliseconds);
        _statuses.AddOrUpdate((int)status, 1, (_, count) => count + 1);
    }

    public PhaseFigures Figures(TimeSpan wall)
    {
        var sorted = _milliseconds.Order().ToArray();
        double At(double quantile) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
        return new PhaseFigures(
            phase,
            sorted.Length,
            wall.TotalSeconds,
            sorted.Length / Math.Max(wall.TotalSeconds, 1e-9),
            At(0.50),
            At(0.90),
            At(0.99),
            sorted.LastOrDefault(),
            _statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Value));
    }
}
