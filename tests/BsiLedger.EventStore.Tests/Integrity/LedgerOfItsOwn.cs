using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.EventStore.Tests.Integrity;

/// <summary>A ledger in a database of its own (verification covers the whole ledger), written through the journal.</summary>
public sealed class LedgerOfItsOwn : IAsyncDisposable
{
    private readonly global::Marten.DocumentStore _store;

    private LedgerOfItsOwn(string connectionString, global::Marten.DocumentStore store)
    {
        ConnectionString = connectionString;
        _store = store;
        Journal = new MartenEventJournal(store, new JournalOptions());
    }

    public string ConnectionString { get; }

    public MartenEventJournal Journal { get; }

    public static async Task<LedgerOfItsOwn> CreateAsync(PostgresFixture postgres)
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var store = LedgerStoreOptions.CreateStore(connectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new LedgerOfItsOwn(connectionString, store);
    }

    /// <summary>Devices <c>d-FROM</c>… each enrolled, then installed twice (three events per stream).</summary>
    public async Task WriteDevicesAsync(int from, int count, CancellationToken ct)
    {
        await Task.WhenAll(Enumerable.Range(from, count).Select(async i =>
        {
            var id = $"d-{i}";
            var head = await Journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id)], ct);
            await Journal.AppendAsync(id, head, [JournalEvents.Installed(id), JournalEvents.Installed(id, "iOS 26.3.1 (b)", "c-3")], ct);
        }));
    }

    /// <summary>What someone with write access to the database does behind the ledger's back.</summary>
    public async Task TamperAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("EVENTS", $"{LedgerStoreOptions.Schema}.mt_events", StringComparison.Ordinal), connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync();
        _store.Dispose();
    }
}
