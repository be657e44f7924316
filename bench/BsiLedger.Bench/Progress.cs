using System.Diagnostics;

namespace BsiLedger.Bench;

/// <summary>Counts a phase's events and reports them to stderr every two seconds until disposed.</summary>
public sealed class Progress : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly string _phase;
    private readonly long _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reporter;
    private long _done;

    public Progress(string phase, long total)
    {
        _phase = phase;
        _total = total;
        _reporter = ReportAsync(_stop.Token);
    }

    public void Add(long events) => Interlocked.Add(ref _done, events);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reporter;
        _stop.Dispose();
    }

    private async Task ReportAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var done = Interlocked.Read(ref _done);
                var rate = done / _clock.Elapsed.TotalSeconds;
                await Console.Error.WriteLineAsync($"  {_phase}: {done}/{_total} events, {rate:F0} events/s");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
