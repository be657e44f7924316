using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// When the rollout next moved after an instant: the first event stored (Marten's wall-clock <c>timestamp</c>) after it
/// that is a device's install, apply, failure or withdrawal, or any release event. After a silo is killed, the time to
/// it says how long the cluster took to carry the rollout on.
/// </summary>
public sealed class RolloutEventTimes(string connectionString)
{
    private static readonly string FirstAfterSql = $"""
        select min(timestamp) from {LedgerStoreOptions.Schema}.mt_events
        where timestamp > @after and (type = any(@device) or type = any(@release))
        """;

    private static readonly string[] DeviceTypes =
    [
        LedgerEventTypes.NameOf<BsiInstalled>(), LedgerEventTypes.NameOf<BsiApplied>(),
        LedgerEventTypes.NameOf<BsiInstallFailed>(), LedgerEventTypes.NameOf<BsiWithdrawn>(),
    ];

    private static readonly string[] ReleaseTypes = [.. LedgerEventTypes.All.Where(t => typeof(IReleaseEvent).IsAssignableFrom(t.Type)).Select(t => t.Name)];

    /// <summary>For each instant, the time to the first rollout event stored after it; null when none was.</summary>
    public async Task<IReadOnlyList<TimeSpan?>> UntilNextAsync(IReadOnlyList<DateTimeOffset> instants, CancellationToken ct)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, ct);
        var times = new List<TimeSpan?>(instants.Count);
        foreach (var instant in instants)
        {
            await using var command = new NpgsqlCommand(FirstAfterSql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("after", instant.UtcDateTime);
            command.Parameters.AddWithValue("device", DeviceTypes);
            command.Parameters.AddWithValue("release", ReleaseTypes);
            times.Add(await command.ExecuteScalarAsync(ct) is DateTime next ? new DateTimeOffset(next, TimeSpan.Zero) - instant : null);
        }

        return times;
    }
}
