using BsiLedger.Domain.Releases;

namespace BsiLedger.Grains.Agents;

/// <summary>Real devices: an offer is made available and the device reports what it did through the CLI or API.</summary>
public sealed class LiveDeviceAgent : IDeviceAgent
{
    public bool IsReachable(string deviceId) => true;

    public AgentAnswer Answer(string deviceId, string model, ReleaseId release) => AgentAnswer.ReportsLater;
}
