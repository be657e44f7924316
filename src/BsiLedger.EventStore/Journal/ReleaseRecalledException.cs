using BsiLedger.Domain.Releases;

namespace BsiLedger.EventStore.Journal;

/// <summary>
/// The append reports on a release whose recall the ledger had committed when the append was about to
/// (<see cref="Domain.Devices.ReleaseGate"/>). Nothing was written to the stream.
/// </summary>
public sealed class ReleaseRecalledException(string streamId, ReleaseId release)
    : Exception($"stream '{streamId}' reports on {release}, which the ledger holds as recalled: nothing was written")
{
    public string StreamId { get; } = streamId;
    public ReleaseId Release { get; } = release;
}
