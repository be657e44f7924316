using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.Runs;

/// <summary>A simulated device's report that falls due at <see cref="At"/> (domain time).</summary>
public sealed record DeviceReport(DateTimeOffset At, string DeviceId, ReleaseId Release, DeviceReportKind Kind);
