namespace BsiLedger.Grains;

/// <summary>
/// The ledger's domain time, every event's <c>At</c>: the system clock, or a simulation's virtual one. A type of
/// its own, not a <see cref="TimeProvider"/> service, so Orleans' own timers and timeouts never run on a
/// virtual clock that jumps days ahead.
/// </summary>
public sealed class DomainClock(TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();
}
