using System.Collections.Immutable;

namespace BsiLedger.Simulation.Reports;

/// <summary>
/// The devices running <see cref="Release"/> when its recall was issued, and how many of them still ran it as
/// they were withdrawn (or settled by a removal or an OS update), hour by hour.
/// </summary>
public sealed record RecallCurve(string Release, DateTimeOffset IssuedAt, int Exposed, ImmutableArray<TimelinePoint> Remaining);
