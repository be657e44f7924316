using BsiLedger.EventStore.Marten;
using Npgsql;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// The highest committed sequence number, read so that nothing can ever appear at or below it: what a digest and a
/// checkpoint cover.
/// </summary>
/// <remarks>
/// Marten reserves sequence numbers before it inserts, so when the cut is read a transaction that began earlier may
/// still commit an event numbered below it. The cut therefore waits until every transaction older than it has ended
/// (pg_stat_activity) before it is used: after that, nothing can ever appear at or below the cut.
/// </remarks>
public static class LedgerCut
{
    private static readonly string CutSql = $"select coalesce(max(seq_id), 0), statement_timestamp() from {LedgerStoreOptions.Schema}.mt_events";

    // A transaction that has written nothing and sat idle since before the cut (and for a while: a Rich append
    // idles briefly between reading stream versions and writing) holds no event: the async daemon's leader keeps
    // one open for its advisory lock as long as it leads.
    private const string OlderTransactionsSql = """
        select pid from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and xact_start < @cut
          and not (backend_xid is null and state = 'idle in transaction'
                   and state_change < least(@cut, now() - interval '2 seconds'))
        """;

    /// <exception cref="TimeoutException">Transactions older than the cut did not end within <paramref name="settleTimeout"/>.</exception>
    public static async Task<(long LastSequence, DateTimeOffset At)> TakeAsync(NpgsqlConnection connection, TimeSpan settleTimeout, CancellationToken ct)
    {
        var (lastSequence, cutAt) = await ReadCutAsync(connection, ct);
        await SettleAsync(connection, cutAt, settleTimeout, ct);
        return (lastSequence, cutAt);
    }

    private static async Task<(long LastSequence, DateTimeOffset At)> ReadCutAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(CutSql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    private static async Task SettleAsync(NpgsqlConnection connection, DateTimeOffset cutAt, TimeSpan settleTimeout, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + settleTimeout;
        while (true)
        {
            await using var command = new NpgsqlCommand(OlderTransactionsSql, connection);
            command.Parameters.AddWithValue("cut", cutAt);
            var open = new List<int>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    open.Add(reader.GetInt32(0));
                }
            }

            if (open.Count == 0)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"transactions open since before the cut have not ended after {settleTimeout.TotalSeconds:N0} s " +
                    $"(backend pid {string.Join(", ", open)}); end them or try again when the ledger is quieter");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }
}
