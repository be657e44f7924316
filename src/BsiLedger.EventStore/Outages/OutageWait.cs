using System.Diagnostics;

namespace BsiLedger.EventStore.Outages;

/// <summary>
/// One operation waiting out its database: capped exponential backoff with jitter, for at most the tolerance from the
/// first failure. Registered with <see cref="DatabaseOutages"/> until disposed.
/// </summary>
public sealed class OutageWait : IDisposable
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    private readonly TimeSpan _tolerance;
    private readonly long _started = Stopwatch.GetTimestamp();
    private TimeSpan _delay = FirstDelay;

    public OutageWait(TimeSpan tolerance)
    {
        _tolerance = tolerance;
        DatabaseOutages.Began(this);
    }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>Waits before the next try; false once the tolerance is spent (nothing is waited then).</summary>
    public async Task<bool> NextAsync(CancellationToken ct)
    {
        var left = _tolerance - Elapsed;
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        var delay = _delay * (0.5 + Random.Shared.NextDouble() / 2);
        _delay = _delay * 2 < MaxDelay ? _delay * 2 : MaxDelay;
        await Task.Delay(delay < left ? delay : left, ct);
        DatabaseOutages.Retries.Add(1);
        return true;
    }

    public void Dispose() => DatabaseOutages.Ended(this);
}
