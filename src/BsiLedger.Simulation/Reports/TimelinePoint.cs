namespace BsiLedger.Simulation.Reports;

/// <summary>How many devices a curve counts from <see cref="At"/> (domain time) on.</summary>
public readonly record struct TimelinePoint(DateTimeOffset At, int Devices);
