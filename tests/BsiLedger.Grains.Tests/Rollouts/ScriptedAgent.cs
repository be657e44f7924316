using System.Collections.Concurrent;
using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Agents;

namespace BsiLedger.Grains.Tests.Rollouts;

/// <summary>
/// Devices that answer offers at once: offline ones are unreachable, the rest install unless told to fail or to
/// report later (as a live device does, through its own commands).
/// </summary>
public sealed class ScriptedAgent : IDeviceAgent
{
    private readonly ConcurrentDictionary<string, bool> _offline = new();
    private readonly ConcurrentDictionary<string, bool> _failing = new();
    private readonly ConcurrentDictionary<string, bool> _later = new();

    public void SetOffline(string deviceId, bool offline) => _offline[deviceId] = offline;

    public void SetFailing(string deviceId) => _failing[deviceId] = true;

    public void SetReportingLater(string deviceId) => _later[deviceId] = true;

    public bool IsReachable(string deviceId) => !_offline.GetValueOrDefault(deviceId);

    public AgentAnswer Answer(string deviceId, string model, ReleaseId release) =>
        _later.ContainsKey(deviceId) ? AgentAnswer.ReportsLater
        : _failing.ContainsKey(deviceId) ? new AgentAnswer.Fails("signing service refused the device")
        : AgentAnswer.InstallsAndApplies;
}
