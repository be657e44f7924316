namespace BsiLedger.Bench;

/// <summary>One phase's rate over another's, and the least it should be.</summary>
public sealed record TargetRatio(double Value, double Target)
{
    public bool Met => Value >= Target;

    public static TargetRatio Of(PhaseResult numerator, PhaseResult denominator, double target) =>
        new(denominator.EventsPerSecond > 0 ? numerator.EventsPerSecond / denominator.EventsPerSecond : 0, target);
}
