using System.Data;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// Takes a <see cref="LedgerDigest"/> of the ledger as it stands, without writing to it.
/// </summary>
/// <remarks>
/// Marten reserves sequence numbers before it inserts, so when the cut is read a transaction that began earlier may
/// still commit an event numbered below it. The digest therefore waits until every transaction older than the cut
/// has ended (pg_stat_activity) before hashing: after that, nothing can ever appear at or below the cut.
/// </remarks>
public sealed class DigestTaker(string connectionString, TimeSpan settleTimeout)
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

    public async Task<LedgerDigest> TakeAsync(CancellationToken ct)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, ct);
        var (lastSequence, cutAt) = await ReadCutAsync(connection, ct);
        await SettleAsync(connection, cutAt, ct);

        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var tree = await SequenceTree.ComputeAsync(connection, lastSequence, ct);
        await transaction.CommitAsync(ct);
        return new LedgerDigest(LedgerDigest.CurrentFormat, lastSequence, tree.Count, tree.Root.ToString(), cutAt);
    }

    private static async Task<(long LastSequence, DateTimeOffset At)> ReadCutAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(CutSql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    private async Task SettleAsync(NpgsqlConnection connection, DateTimeOffset cutAt, CancellationToken ct)
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
                    $"transactions open since before the digest's cut have not ended after {settleTimeout.TotalSeconds:N0} s " +
                    $"(backend pid {string.Join(", ", open)}); end them or try again when the ledger is quieter");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }
}
