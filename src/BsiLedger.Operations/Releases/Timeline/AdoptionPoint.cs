namespace BsiLedger.Operations.Releases.Timeline;

/// <summary>The devices running the release at the end of the bucket that starts at <paramref name="At"/>.</summary>
public sealed record AdoptionPoint(DateTimeOffset At, int Devices);
