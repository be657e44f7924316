namespace BsiLedger.Bench;

/// <summary>One phase's figures.</summary>
public sealed record PhaseResult(long Events, double Seconds)
{
    public double EventsPerSecond => Seconds > 0 ? Events / Seconds : 0;
}
