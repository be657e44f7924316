using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Agents;

namespace BsiLedger.Grains.Tests.Cluster;

/// <summary>
/// Devices that answer an offer at once, the same way on every silo: a fixed few (by a stable hash) fail, the rest
/// install and apply. Each silo has its own instance, so nothing here may depend on which silo asks.
/// </summary>
public sealed class SeededAgent : IDeviceAgent
{
    public const double FailingShare = 0.02;

    public static bool Fails(string deviceId, ReleaseId release) => Cohort.Position($"fails\n{release}\n{deviceId}") < FailingShare;

    public bool IsReachable(string deviceId) => true;

    public AgentAnswer Answer(string deviceId, string model, ReleaseId release) =>
        Fails(deviceId, release) ? new AgentAnswer.Fails("signing service refused the device") : AgentAnswer.InstallsAndApplies;
}
