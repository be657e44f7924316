using BsiLedger.Domain;
using BsiLedger.Domain.Devices;

namespace BsiLedger.Simulation.Fleet;

/// <summary>
/// One device of a simulated fleet as it enrolls. An offline device is reachable only at its check-ins:
/// at <see cref="CheckInPhase"/> after the start, then every <c>checkInEvery</c>.
/// </summary>
public sealed record SimulatedDevice(
    string Id,
    Platform Platform,
    OsVersion Os,
    string Model,
    bool AutoInstall,
    bool Managed,
    MdmPolicy MdmPolicy,
    bool Offline,
    TimeSpan CheckInPhase);
