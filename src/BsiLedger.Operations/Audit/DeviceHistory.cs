using BsiLedger.Domain;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.EventStore.Journal;

namespace BsiLedger.Operations.Audit;

/// <summary>Every event of one device, read from its stream as stored (<c>bsi audit history</c>, <c>GET /audit/devices/{id}/history</c>).</summary>
public static class DeviceHistory
{
    /// <summary>The device's events in order; empty when it was never enrolled.</summary>
    public static async Task<IReadOnlyList<HistoryRow>> ReadAsync(IEventJournal journal, string deviceId, CancellationToken ct)
    {
        var events = await journal.ReadAsync(deviceId, 0, ct);
        return events.Select(e => new HistoryRow(
            e.Version,
            ((IDeviceEvent)e.Data).At,
            e.TypeName,
            Release(e.Data),
            ((IDeviceEvent)e.Data).Cause.ToString(),
            e.Provenance.CorrelationId,
            e.Provenance.CausationId,
            e.StoredAt,
            e.Data)).ToArray();
    }

    public static object Document(string deviceId, IReadOnlyList<HistoryRow> rows) => new { device = deviceId, events = rows };

    private static string? Release(object data) => data switch
    {
        BsiInstalled e => e.Release.ToString(),
        BsiInstallFailed e => e.Release.ToString(),
        BsiApplied e => e.Release.ToString(),
        BsiWithdrawn e => e.Release.ToString(),
        BsiUninstalled e => string.Join(", ", e.Removed),
        OsUpdated e => e.Cleared.Count > 0 ? string.Join(", ", e.Cleared) : null,
        _ => null,
    };
}
