namespace BsiLedger.Simulation.Scenarios;

/// <summary>A device model that fails to install a release more (or less) often than the release's default rate.</summary>
public sealed record ModelFailureRate(string Model, double Rate)
{
    public string? Problem() => ScenarioRules.Text("model", Model) ?? ScenarioRules.Fraction("rate", Rate);
}
