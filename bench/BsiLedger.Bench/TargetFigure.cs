namespace BsiLedger.Bench;

/// <summary>A figure of the run and the bound it should keep: at least <see cref="Bound"/>, or at most when <see cref="AtMost"/>.</summary>
public sealed record TargetFigure(double Value, double Bound, bool AtMost = false)
{
    public bool Met => AtMost ? Value <= Bound : Value >= Bound;

    /// <summary>One phase's rate over another's, measured in the same run.</summary>
    public static TargetFigure Ratio(PhaseResult numerator, PhaseResult denominator, double atLeast) =>
        new(Over(numerator, denominator), atLeast);

    public static double Over(PhaseResult numerator, PhaseResult denominator) =>
        denominator.EventsPerSecond > 0 ? numerator.EventsPerSecond / denominator.EventsPerSecond : 0;
}
