using System.Collections.Immutable;

namespace BsiLedger.Operations.Releases.Timeline;

/// <summary>
/// A recall's progress: the devices running the release when it was issued, and how many of them still do over time;
/// the first point is at <paramref name="IssuedAt"/> itself.
/// </summary>
public sealed record RecallDrain(DateTimeOffset IssuedAt, int Exposed, ImmutableArray<PendingPoint> Points);
