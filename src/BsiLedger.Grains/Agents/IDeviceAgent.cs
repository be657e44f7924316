using BsiLedger.Domain.Releases;

namespace BsiLedger.Grains.Agents;

/// <summary>
/// The device's side of an offer. Live devices answer later, through <c>bsi device install|fail|apply</c>;
/// a simulation plugs in simulated devices that answer at once from the scenario's failure model.
/// </summary>
public interface IDeviceAgent
{
    /// <summary>False while the device cannot be reached: what it is owed waits for its next check-in.</summary>
    bool IsReachable(string deviceId);

    AgentAnswer Answer(string deviceId, string model, ReleaseId release);
}
