using System.Collections.Immutable;

namespace BsiLedger.Simulation.Reports;

/// <summary>Devices running <see cref="Release"/> (applied, not since withdrawn, removed, updated away or superseded), hour by hour.</summary>
public sealed record AdoptionCurve(string Release, ImmutableArray<TimelinePoint> Points);
