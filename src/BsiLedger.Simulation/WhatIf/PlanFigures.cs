using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Pacing;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>A plan as a report shows it: each wave in the command line's form (<c>10%:48h:3%[:pacing]</c>) and the minimum sample.</summary>
public sealed record PlanFigures(IReadOnlyList<string> Waves, int MinSample)
{
    public static PlanFigures Of(RolloutPlan plan) => new([.. plan.Waves.Select(Wave)], plan.MinSample);

    private static string Wave(WavePlan wave) =>
        $"{RolloutPlan.Percent(wave.Share)}:{Durations.Format(wave.Soak)}:{RolloutPlan.Percent(wave.FailureThreshold)}"
        + (wave.Pacing is { } pacing ? ":" + Pacing(pacing) : "");

    private static string Pacing(WavePacing pacing)
    {
        if (pacing.SpreadOver is { } over)
        {
            return $"spread={Durations.Format(over)}";
        }

        var text = $"rate={Number(pacing.RatePerHour!.Value)}/h";
        if (pacing is { RampFactor: { } factor, RampEvery: { } every })
        {
            text += $",ramp=x{Number(factor)}/{every}{(pacing.RampOn == RampBasis.Successes ? "ok" : "sent")}";
        }

        return pacing.MaxPerHour is { } max ? $"{text},max={Number(max)}/h" : text;
    }

    private static string Number(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
