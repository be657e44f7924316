using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.Simulation.Runs;

/// <summary>
/// How long a recall took to reach the devices it could reach, by the ledger's own clock: from the stored
/// <c>RecallIssued</c> to the last withdrawal stored under the same recall. Asked right after the recall's
/// fan-out, before any offline device checks in, it is the time to withdraw every online exposed device.
/// </summary>
public static class RecallPropagation
{
    public static async Task<TimeSpan> MeasureAsync(string connectionString, string recallId, CancellationToken cancellationToken)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            select coalesce(extract(epoch from
                max(timestamp) filter (where type = @withdrawn) - min(timestamp) filter (where type = @issued)), 0)
            from {LedgerStoreOptions.Schema}.mt_events
            where correlation_id = @recall
            """,
            connection);
        command.Parameters.AddWithValue("recall", recallId);
        command.Parameters.AddWithValue("withdrawn", LedgerEventTypes.NameOf<BsiWithdrawn>());
        command.Parameters.AddWithValue("issued", LedgerEventTypes.NameOf<RecallIssued>());
        var seconds = Convert.ToDouble(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(Math.Max(seconds, 0));
    }
}
