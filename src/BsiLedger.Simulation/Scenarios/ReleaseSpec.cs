using System.Collections.Immutable;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.Scenarios;

/// <summary>
/// A release to publish and roll out. Each install attempt fails with the rate of the device's model in
/// <see cref="Failures"/>, or else with <see cref="InstallFailureRate"/>.
/// </summary>
public sealed record ReleaseSpec(
    ReleaseId Id,
    ImmutableArray<string> Components,
    ImmutableArray<string> Cves,
    Activation Activation,
    ReleaseId? Supersedes,
    double InstallFailureRate,
    ImmutableArray<ModelFailureRate> Failures,
    RolloutPlan Plan)
{
    /// <summary>What is wrong with the release, naming the field relative to it, or null.</summary>
    public string? Problem() =>
        PublicationProblem()
        ?? ScenarioRules.Fraction("installFailureRate", InstallFailureRate)
        ?? FailuresProblem()
        ?? PlanProblem();

    // Publication holds the rules; this only points at the offending element.
    private string? PublicationProblem()
    {
        if (Publication.Problem(Id, Components, [], null) is { } components)
        {
            return components;
        }

        for (var k = 0; k < (Cves.IsDefault ? 0 : Cves.Length); k++)
        {
            if (Publication.Problem(Id, Components, [Cves[k]], null) is { } cve)
            {
                return $"cves[{k}]: {cve[(cve.IndexOf(": ", StringComparison.Ordinal) + 2)..]}";
            }
        }

        return Publication.Problem(Id, Components, [], Supersedes);
    }

    private string? FailuresProblem()
    {
        for (var k = 0; k < (Failures.IsDefault ? 0 : Failures.Length); k++)
        {
            if (Failures[k].Problem() is { } problem)
            {
                return $"failures[{k}].{problem}";
            }

            var first = Failures.Select(f => f.Model).ToList().IndexOf(Failures[k].Model);
            if (first < k)
            {
                return $"failures[{k}].model: '{Failures[k].Model}' is given twice (also at index {first})";
            }
        }

        return null;
    }

    // The same rules as RolloutPlan.Problem, said with the fields' JSON paths and values as written.
    private string? PlanProblem()
    {
        if (Plan.MinSample < 1)
        {
            return $"plan.minSample: {Plan.MinSample} must be at least 1 install attempt";
        }

        if (Plan.Waves.IsDefaultOrEmpty)
        {
            return "plan.waves: a plan needs at least one wave";
        }

        var previous = 0.0;
        for (var i = 0; i < Plan.Waves.Length; i++)
        {
            var wave = Plan.Waves[i];
            var at = $"plan.waves[{i}]";
            if (wave.Share is not (> 0 and <= 1))
            {
                return $"{at}.share: {ScenarioRules.Show(wave.Share)} must be above 0% and at most 100%";
            }

            if (wave.Share <= previous)
            {
                return $"{at}.share: {ScenarioRules.Show(wave.Share)} must be above the previous wave's {ScenarioRules.Show(previous)} (shares are cumulative)";
            }

            if (wave.Soak < TimeSpan.Zero)
            {
                return $"{at}.soak: {Durations.Format(wave.Soak)} must not be negative";
            }

            if (wave.FailureThreshold is not (>= 0 and <= 1))
            {
                return $"{at}.failureThreshold: {ScenarioRules.Show(wave.FailureThreshold)} must be from 0% to 100%";
            }

            if (wave.Pacing?.Problem(wave.Soak) is { } pacing)
            {
                return $"{at}.{pacing}";
            }

            previous = wave.Share;
        }

        return Plan.Problem() is { } problem ? $"plan: {problem}" : null;
    }
}
