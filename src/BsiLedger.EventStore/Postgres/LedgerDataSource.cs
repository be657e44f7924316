using System.Collections.Concurrent;
using BsiLedger.EventStore.Marten;
using Npgsql;

namespace BsiLedger.EventStore.Postgres;

/// <summary>
/// One connection pool per connection string per process, as Npgsql keeps for <c>new NpgsqlConnection(…)</c>, but
/// shared with Marten too: Marten builds a pool of its own from a connection string, which would let a process hold
/// twice its <see cref="ConnectionBudget"/>. Every query of the ledger's, through Marten or not, draws from here.
/// </summary>
public static class LedgerDataSource
{
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> Sources = new(StringComparer.Ordinal);

    /// <summary>The pool for <paramref name="connectionString"/> as the ledger tunes it (<see cref="LedgerStoreOptions.Tuned"/>).</summary>
    public static NpgsqlDataSource For(string connectionString) =>
        Sources.GetOrAdd(LedgerStoreOptions.Tuned(connectionString), NpgsqlDataSource.Create);

    public static ValueTask<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken ct) =>
        For(connectionString).OpenConnectionAsync(ct);
}
