using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.EventStore.Tests;

/// <summary>A journal over the shared test database, as a silo would build it, disposed after each test.</summary>
public abstract class JournalTest(PostgresFixture postgres) : IAsyncLifetime
{
    private global::Marten.DocumentStore? _store;
    private MartenEventJournal? _journal;

    protected PostgresFixture Postgres => postgres;

    protected MartenEventJournal Journal => _journal!;

    protected global::Marten.DocumentStore Store => _store!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store whose pool holds one connection: every statement it runs is prepared on that connection.</summary>
    protected global::Marten.DocumentStore StoreOnOneConnection() =>
        LedgerStoreOptions.CreateStore(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { MaxPoolSize = 1 }.ConnectionString);

    public async ValueTask InitializeAsync()
    {
        _store = LedgerStoreOptions.CreateStore(postgres.ConnectionString);
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        _journal = new MartenEventJournal(_store, new JournalOptions());
    }

    public async ValueTask DisposeAsync()
    {
        if (_journal is not null)
        {
            await _journal.DisposeAsync();
        }

        _store?.Dispose();
        GC.SuppressFinalize(this);
    }
}
