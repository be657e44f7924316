using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.Scenarios;

/// <summary>A recall issued <see cref="At"/> after the rollout began (domain time).</summary>
public sealed record RecallSpec(ReleaseId Release, TimeSpan At, string Reason)
{
    public string? Problem() =>
        At < TimeSpan.Zero ? $"at: {Durations.Format(At)} must not be negative" : ScenarioRules.Text("reason", Reason);
}
