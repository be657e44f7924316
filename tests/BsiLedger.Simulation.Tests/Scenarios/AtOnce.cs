using BsiLedger.Simulation.Scenarios;

namespace BsiLedger.Simulation.Tests.Scenarios;

/// <summary>A scenario as rollouts ran before paced waves: every wave offered when it starts, every device answering at once.</summary>
public static class AtOnce
{
    public static Scenario Of(Scenario scenario) => scenario with
    {
        Fleet = scenario.Fleet with
        {
            InstallDelay = null,
            ApplyDelay = null,
            Mix = [.. scenario.Fleet.Mix.Select(m => m with { InstallDelay = null, ApplyDelay = null })],
        },
        Releases = [.. scenario.Releases.Select(r => r with { Plan = r.Plan with { Waves = [.. r.Plan.Waves.Select(w => w with { Pacing = null })] } })],
    };
}
