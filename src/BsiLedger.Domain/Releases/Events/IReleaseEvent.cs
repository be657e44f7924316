namespace BsiLedger.Domain.Releases.Events;

/// <summary>A fact about one release and its rollout, appended to the release's stream (stream key: the release id).</summary>
public interface IReleaseEvent : ILedgerEvent
{
    ReleaseId Release { get; }
}
