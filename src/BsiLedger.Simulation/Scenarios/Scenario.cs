using System.Collections.Immutable;

namespace BsiLedger.Simulation.Scenarios;

/// <summary>What <c>bsi simulate</c> runs: a seeded fleet, the releases rolled out to it, and an optional recall.</summary>
public sealed record Scenario(int Seed, FleetSpec Fleet, ImmutableArray<ReleaseSpec> Releases, RecallSpec? Recall)
{
    /// <summary>What is wrong with the scenario, naming the field by its JSON path, or null.</summary>
    public string? Problem()
    {
        if (Fleet.Problem() is { } fleet)
        {
            return $"fleet.{fleet}";
        }

        if (Releases.IsDefaultOrEmpty)
        {
            return "releases: name at least one release";
        }

        var models = Fleet.Mix.Select(m => m.Model).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < Releases.Length; i++)
        {
            var release = Releases[i];
            if (release.Problem() is { } problem)
            {
                return $"releases[{i}].{problem}";
            }

            var first = Releases.Select(r => r.Id).ToList().IndexOf(release.Id);
            if (first < i)
            {
                return $"releases[{i}].id: {release.Id} is given twice (also at index {first})";
            }

            // A failure on a model no device has would never fire: most likely a typo.
            for (var k = 0; k < (release.Failures.IsDefault ? 0 : release.Failures.Length); k++)
            {
                if (!models.Contains(release.Failures[k].Model, StringComparer.Ordinal))
                {
                    return $"releases[{i}].failures[{k}].model: '{release.Failures[k].Model}' is not a model of fleet.mix ({string.Join(", ", models)})";
                }
            }
        }

        if (Recall is { } recall)
        {
            if (!Releases.Any(r => r.Id == recall.Release))
            {
                return $"recall.release: {recall.Release} is not one of the scenario's releases ({string.Join(", ", Releases.Select(r => r.Id))})";
            }

            if (recall.Problem() is { } problem)
            {
                return $"recall.{problem}";
            }
        }

        return null;
    }

    /// <summary>The scenario with the command line's <c>--devices</c> and <c>--seed</c> in place of the file's.</summary>
    public Scenario WithOverrides(int? devices, int? seed)
    {
        if (devices is { } count && FleetSpec.DevicesProblem(count) is { } problem)
        {
            throw new ScenarioException($"--devices: {problem}");
        }

        return this with
        {
            Seed = seed ?? Seed,
            Fleet = devices is { } n ? Fleet with { Devices = n } : Fleet,
        };
    }
}
