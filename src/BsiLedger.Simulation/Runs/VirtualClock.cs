namespace BsiLedger.Simulation.Runs;

/// <summary>Domain time for a simulation: stands still until the run moves it, so soaks of days pass in seconds.</summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void MoveTo(DateTimeOffset instant)
    {
        if (instant < GetUtcNow())
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, "a virtual clock never goes back");
        }

        Interlocked.Exchange(ref _ticks, instant.UtcTicks);
    }
}
