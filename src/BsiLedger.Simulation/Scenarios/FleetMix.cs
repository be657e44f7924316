using BsiLedger.Domain;

namespace BsiLedger.Simulation.Scenarios;

/// <summary>One kind of device in the fleet and its share of the fleet; its delays, when given, replace the fleet's.</summary>
public sealed record FleetMix(Platform Platform, OsVersion Os, string Model, double Share)
{
    public ReportDelay? InstallDelay { get; init; }

    public ReportDelay? ApplyDelay { get; init; }

    /// <summary>What is wrong with the entry, naming the field relative to it, or null.</summary>
    public string? Problem() =>
        ScenarioRules.Text("model", Model)
        ?? (Share is > 0 and <= 1 ? null : $"share: {ScenarioRules.Show(Share)} must be above 0 and at most 1")
        ?? ScenarioRules.Delay("installDelay", InstallDelay)
        ?? ScenarioRules.Delay("applyDelay", ApplyDelay);
}
