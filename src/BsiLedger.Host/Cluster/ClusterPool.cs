using System.Collections.Concurrent;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.Host.Cluster;

/// <summary>
/// The connections Orleans' AdoNet providers use (membership, reminders, and the schema they read): one pool of
/// <see cref="Size"/> per process, carved out of its <see cref="ConnectionBudget"/> (<see cref="LedgerHostOptions.WithinBudget"/>),
/// apart from the journal's so that a journal busy with a wave never keeps a silo from its heartbeat or its reminders,
/// and named <c>&lt;name&gt;-cluster</c> in <c>pg_stat_activity</c>.
/// </summary>
public static class ClusterPool
{
    public const int Size = 2;

    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> Sources = new(StringComparer.Ordinal);

    /// <summary>
    /// The ledger's share of a process budget that also holds this pool: <paramref name="connectionString"/>'s budget
    /// less <see cref="Size"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The budget leaves the ledger no connection.</exception>
    public static string LedgerShare(string connectionString)
    {
        var budget = ConnectionBudget.Of(LedgerStoreOptions.Tuned(connectionString));
        if (budget <= Size)
        {
            throw new ArgumentException(
                $"a process with Orleans' pool (a silo's membership or reminders, or a cluster client) needs a connection budget of at least {Size + 1}: {Size} for that pool and one for the ledger, but it is {budget}",
                nameof(connectionString));
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = budget - Size }.ConnectionString;
    }

    /// <summary>
    /// The pool's connection string, from the ledger's: the same server, database and credentials. The session's time
    /// zone is UTC because Orleans passes its times as <see cref="DateTime"/>s, which are UTC whatever their Kind says.
    /// </summary>
    public static string ConnectionString(string ledgerConnectionString)
    {
        var ledger = new NpgsqlConnectionStringBuilder(LedgerStoreOptions.Tuned(ledgerConnectionString));
        return new NpgsqlConnectionStringBuilder(ledgerConnectionString)
        {
            ApplicationName = $"{ledger.ApplicationName}-cluster",
            MaxPoolSize = Size,
            MinPoolSize = 0,
            Timezone = "UTC",
        }.ConnectionString;
    }

    /// <summary>One pool per ledger connection string per process, as <see cref="LedgerDataSource"/> keeps the ledger's.</summary>
    public static NpgsqlDataSource For(string ledgerConnectionString) =>
        Sources.GetOrAdd(ConnectionString(ledgerConnectionString), NpgsqlDataSource.Create);
}
