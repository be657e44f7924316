namespace BsiLedger.Operations.Releases.Timeline;

/// <summary>The devices exposed at the recall that still ran the release at the end of the bucket that starts at <paramref name="At"/>.</summary>
public sealed record PendingPoint(DateTimeOffset At, int Pending);
