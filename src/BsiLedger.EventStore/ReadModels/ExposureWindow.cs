namespace BsiLedger.EventStore.ReadModels;

/// <summary>
/// One device running one release: from its <c>BsiApplied</c> to the event that ended it (null while it still runs
/// it), both in domain time. A device that applies the same release again after removing it has a second window.
/// </summary>
/// <param name="AppliedVersion">The stream version of the <c>BsiApplied</c> that opened the window.</param>
/// <param name="RecallId">The recall that withdrew it, when <paramref name="Ending"/> is withdrawn.</param>
/// <param name="CorrelationId">The correlation id of the ending event (a withdrawal joins its recall's).</param>
public sealed record ExposureWindow(
    string DeviceId,
    string Release,
    long AppliedVersion,
    DateTimeOffset From,
    DateTimeOffset? To,
    ExposureEnding? Ending,
    string? RecallId,
    string? CorrelationId)
{
    public bool StillExposed => To is null;
}
