using BsiLedger.Simulation.WhatIf;

namespace BsiLedger.Simulation.Scenarios;

/// <summary>
/// The file <c>bsi simulate --whatif</c> reads: a JSON list of alternative plans, each for a release of the scenario,
/// in the scenario's own plan shape: <c>[{ "release": "iOS 26.3.1 (a)", "name": "strict canary", "plan": { "minSample",
/// "waves": [...] } }]</c> (<c>name</c> optional). Errors name the JSON path, as a scenario's do.
/// </summary>
public static class AlternativesFile
{
    public static IReadOnlyList<WhatIfAlternative> Parse(string json, Scenario scenario)
    {
        using var document = ScenarioFile.Open(json);
        var root = new ScenarioJson(document.RootElement, "whatif");
        var alternatives = root.Items().Select((item, i) =>
        {
            var alternative = item.Object("release", "name", "plan");
            var release = ScenarioFile.ReadId(alternative.Field("release"));
            if (scenario.Releases.All(r => r.Id != release))
            {
                throw alternative.Field("release").Invalid($"'{release}' is not a release of the scenario ({string.Join(", ", scenario.Releases.Select(r => r.Id))})");
            }

            var plan = ScenarioFile.Plan(alternative.Field("plan"));
            if (plan.Problem() is { } problem)
            {
                throw alternative.Field("plan").Invalid(problem);
            }

            return new WhatIfAlternative(release, alternative.Optional("name")?.Text() ?? $"alternative {i + 1}", plan);
        }).ToList();
        return alternatives.Count > 0 ? alternatives : throw root.Invalid("name at least one alternative plan");
    }
}
