using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Agents;
using BsiLedger.Simulation.Fleet;

namespace BsiLedger.Simulation.Runs;

/// <summary>
/// The simulated devices: an offline device is reachable only when it checks in; an online one installs and
/// applies an offer at once, unless the scenario's failure model draws a failure for it.
/// </summary>
public sealed class SimulatedAgent(SimulatedFleet fleet) : IDeviceAgent
{
    public bool IsReachable(string deviceId) => !fleet.IsOffline(deviceId);

    public AgentAnswer Answer(string deviceId, string model, ReleaseId release) =>
        fleet.FailsInstall(deviceId, model, release)
            ? new AgentAnswer.Fails("simulated install failure (scenario failure model)")
            : AgentAnswer.InstallsAndApplies;
}
