using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.EventStore.Integrity;

/// <summary>Sizes of the ledger, for progress that can say how far along a pass over it is.</summary>
public sealed class LedgerStatistics(string connectionString)
{
    public async Task<long> EventsAsync(CancellationToken ct)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, ct);
        await using var command = new NpgsqlCommand($"select count(*) from {LedgerStoreOptions.Schema}.mt_events where {LedgerStoreOptions.LedgerStreamsOnly()}", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
