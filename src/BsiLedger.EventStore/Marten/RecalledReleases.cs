using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;

namespace BsiLedger.EventStore.Marten;

/// <summary>A transaction found that some appends report on recalled releases; it wrote nothing.</summary>
internal sealed class RecalledReleases(IReadOnlySet<ReleaseId> recalled)
    : Exception($"{recalled.Count} recalled release(s) reported on")
{
    /// <summary>The recalled release the append reports on, or null when it reports on none.</summary>
    public ReleaseId? Refusing(PendingAppend append) =>
        append.Events.Select(e => e.Data is IDeviceEvent d ? ReleaseGate.Of(d) : null).OfType<ReleaseId>().Where(recalled.Contains).Cast<ReleaseId?>().FirstOrDefault();
}
