using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Agents;
using BsiLedger.Simulation.Fleet;

namespace BsiLedger.Simulation.Runs;

/// <summary>
/// The simulated devices: an offline device is reachable only when it checks in. Where the scenario gives no
/// delays a device installs and applies an offer at once, unless the scenario's failure model draws a failure for it;
/// where it does, the device answers later: its install's outcome (drawn the same way) is queued for the moment its
/// install delay ends, and the run makes that report then (<see cref="PendingReports"/>).
/// </summary>
public sealed class SimulatedAgent(SimulatedFleet fleet, TimeProvider clock, PendingReports pending) : IDeviceAgent
{
    public const string InstallFailure = "simulated install failure (scenario failure model)";

    public bool IsReachable(string deviceId) => !fleet.IsOffline(deviceId);

    public AgentAnswer Answer(string deviceId, string model, ReleaseId release)
    {
        var fails = fleet.FailsInstall(deviceId, model, release);
        if (!fleet.TakesTime)
        {
            return fails ? new AgentAnswer.Fails(InstallFailure) : AgentAnswer.InstallsAndApplies;
        }

        var at = clock.GetUtcNow() + fleet.InstallDelay(deviceId, release);
        pending.Add(new DeviceReport(at, deviceId, release, fails ? DeviceReportKind.InstallFailed : DeviceReportKind.Installed));
        return AgentAnswer.ReportsLater;
    }
}
