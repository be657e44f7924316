using System.Collections.Immutable;
using System.Globalization;
using BsiLedger.Operations.Input;
using BsiLedger.Simulation.WhatIf;

namespace BsiLedger.Cli.WhatIf;

/// <summary>
/// <c>--sweep PARAMETER=FROM..TO:STEP</c>: <c>threshold=1%..10%:1%</c>, <c>share1=0.5%..5%:0.5%</c> (percentages, from 0% to
/// 100%) or <c>min-sample=20..200:20</c> (install attempts, at least 1).
/// </summary>
public static class SweepText
{
    public const string Form = "PARAMETER=FROM..TO:STEP, e.g. threshold=1%..10%:1%, share1=0.5%..5%:0.5% or min-sample=20..200:20";

    /// <summary>More replays than this is a typo in STEP, not a sweep anyone reads.</summary>
    public const int MaxPoints = 200;

    public static WhatIfSweep Parse(string text)
    {
        var (name, range) = text.Split('=', 2) is [var n, var r] ? (n.Trim(), r.Trim()) : throw Bad(text, "it has no '='");
        var parameter = name switch
        {
            "threshold" => SweepParameter.Threshold,
            "share1" => SweepParameter.Share1,
            "min-sample" => SweepParameter.MinSample,
            _ => throw Bad(text, $"'{name}' is not a parameter a sweep varies (threshold, share1, min-sample)"),
        };
        var (bounds, stepText) = range.Split(':', 2) is [var b, var s] ? (b, s) : throw Bad(text, "it has no ':STEP'");
        var (fromText, toText) = bounds.Split("..", 2) is [var f, var t] ? (f, t) : throw Bad(text, "its range has no '..'");
        var percent = parameter != SweepParameter.MinSample;
        var (from, to, step) = (Value(text, fromText, percent), Value(text, toText, percent), Value(text, stepText, percent));
        if (step <= 0)
        {
            throw Bad(text, "STEP must be more than zero");
        }

        if (from > to)
        {
            throw Bad(text, $"the range is empty: {fromText} is above {toText}");
        }

        if (percent ? from <= 0 || to > 1 : from < 1)
        {
            throw Bad(text, percent ? "a percentage must lie above 0% and at most 100%" : "a minimum sample is at least 1 attempt");
        }

        // Counted in whole steps from FROM, so 0.1 + 0.2 never stops a hair short of TO.
        var count = (int)Math.Floor(((to - from) / step) + 1e-9) + 1;
        if (count > MaxPoints)
        {
            throw Bad(text, $"it makes {count} replays; at most {MaxPoints}: take a larger STEP");
        }

        return new WhatIfSweep(parameter, [.. Enumerable.Range(0, count).Select(i => Math.Round(from + (i * step), 12))]);
    }

    private static double Value(string text, string value, bool percent)
    {
        value = value.Trim();
        if (percent)
        {
            return value.EndsWith('%') && double.TryParse(value[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p)
                ? p / 100
                : throw Bad(text, $"'{value}' is not a percentage such as 2% or 0.5%");
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Bad(text, $"'{value}' is not a whole number of install attempts");
    }

    private static UsageException Bad(string text, string why) => new($"--sweep '{text}': {why}: expected {Form}");
}
