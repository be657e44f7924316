namespace BsiLedger.Operations.Releases.Timeline;

/// <summary>
/// Install reports on the release up to the end of the bucket that starts at <paramref name="At"/>: failures, and
/// attempts (installs plus failures, as a wave's <c>attempts</c> counts them), so failed over attempts is the rate then.
/// </summary>
public sealed record FailurePoint(DateTimeOffset At, int Failed, int Attempts);
