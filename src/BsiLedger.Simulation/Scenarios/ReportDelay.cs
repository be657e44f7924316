using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.Scenarios;

/// <summary>
/// How long simulated devices take for a step (from an offer to its install's outcome, or from the install to its
/// apply): a log-normal distribution through its median and its 90th percentile. A draw is capped at
/// <see cref="CapFactor"/> times the 90th percentile (about the 99th percentile of a typical spread), so a run ends
/// within days of its last offer.
/// </summary>
public sealed record ReportDelay(TimeSpan Median, TimeSpan P90)
{
    public const double CapFactor = 4;

    /// <summary>The standard normal's 90th percentile.</summary>
    private const double Z90 = 1.2815515655446004;

    public TimeSpan Cap => P90 * CapFactor;

    /// <summary>What is wrong with the delay, naming the field relative to it, or null.</summary>
    public string? Problem() =>
        Median < TimeSpan.Zero ? $"median: {Durations.Format(Median)} must not be negative"
        : P90 < Median ? $"p90: {Durations.Format(P90)} is shorter than the median of {Durations.Format(Median)}; the 90th percentile is at least the median"
        : null;

    /// <summary>The delay at quantile <paramref name="draw"/> (uniform in [0, 1)) of the distribution.</summary>
    public TimeSpan At(double draw)
    {
        if (Median == TimeSpan.Zero || P90 == Median)
        {
            return Median;
        }

        var sigma = Math.Log(P90 / Median) / Z90;
        var hours = Median.TotalHours * Math.Exp(sigma * StandardNormal.Quantile(draw));
        return TimeSpan.FromHours(Math.Min(hours, Cap.TotalHours));
    }
}
