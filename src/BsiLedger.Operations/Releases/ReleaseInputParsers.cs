using System.Collections.Immutable;
using System.Globalization;
using BsiLedger.Domain.Releases;
using BsiLedger.Operations.Input;

namespace BsiLedger.Operations.Releases;

/// <summary>Turns a publication's and a plan's command-line text into domain values, or a usage error naming the field or wave.</summary>
public static class ReleaseInputParsers
{
    public const string Example = "--wave 1%:24h:5%";

    public const string PacedExample = "--wave 10%:48h:3%:rate=200/h,ramp=x2/100ok,max=5000/h";

    public const string WaveForm =
        "SHARE:SOAK:THRESHOLD[:PACING], e.g. " + Example + ": the share of the eligible fleet offered once the wave starts (cumulative) and the "
        + "failure threshold that halts the rollout, as percentages such as 10% or 0.5%, and how long the wave soaks, as a duration such as 24h, 90m, 2d or 0h; "
        + "PACING offers the wave at a pace instead of all at once: rate=N/h[,ramp=xF/Nok|xF/Nsent][,max=N/h] or spread=DURATION, e.g. " + PacedExample;

    /// <summary>A comma-separated list, each name trimmed; empty names are kept for the publication's rules to name.</summary>
    public static ImmutableArray<string> Components(string? text) =>
        text is null ? [] : [.. text.Split(',').Select(name => name.Trim())];

    /// <summary>The publication's rules (components, CVE ids, what it may supersede), checked before anything starts.</summary>
    public static void CheckPublication(ReleaseId release, ImmutableArray<string> components, ImmutableArray<string> cves, ReleaseId? supersedes)
    {
        if (Publication.Problem(release, components, cves, supersedes) is { } problem)
        {
            throw new UsageException(problem);
        }
    }

    /// <summary>The plan of every <c>--wave</c> in order (numbered from 1), checked as a whole by the plan's rules.</summary>
    public static RolloutPlan Plan(IReadOnlyList<string> waves, int minSample)
    {
        if (waves.Count == 0)
        {
            throw new UsageException($"a plan needs at least one wave: {WaveForm}");
        }

        if (minSample < 1)
        {
            throw new UsageException($"--min-sample: {minSample} is not a positive number of install attempts: expected e.g. --min-sample 100");
        }

        var plan = new RolloutPlan([.. waves.Select((text, i) => Wave(i + 1, text))], minSample);
        return plan.Problem() is { } problem ? throw new UsageException(problem) : plan;
    }

    public static WavePlan Wave(int number, string? text)
    {
        var parts = (text ?? "").Split(':');
        if (parts.Length is not (3 or 4))
        {
            throw new UsageException($"wave {number}: '{text}' is not SHARE:SOAK:THRESHOLD[:PACING]: expected {WaveForm}");
        }

        var share = Percent(number, "share", parts[0]);
        if (!Durations.TryParse(parts[1], out var soak, out var error))
        {
            throw new UsageException($"wave {number}: soak {error}, as in {Example}");
        }

        return new WavePlan(share, soak, Percent(number, "failure threshold", parts[2]), parts.Length == 4 ? WavePacingText.Parse(number, parts[3]) : null);
    }

    /// <summary>A percentage with its % sign, as a fraction: <c>0.5%</c> is 0.005.</summary>
    private static double Percent(int wave, string field, string text)
    {
        if (!text.EndsWith('%')
            || !decimal.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
        {
            throw new UsageException($"wave {wave}: {field} '{text}' is not a percentage: expected a number with a % sign, e.g. 5% or 0.5%, as in {Example}");
        }

        return (double)(percent / 100m);
    }
}
