using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.Testing;

/// <summary>
/// One real PostgreSQL per test assembly, started from the machine's binaries in a temporary directory
/// (fsync off: the suite tests behaviour, not durability). Tests keep apart by using unique stream ids.
/// The ledger's schema is created once before any test runs: stores that test classes build in parallel would
/// otherwise race to create the same tables and indexes (Marten creates lazily outside its migration lock).
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bsiledger-tests-" + Guid.NewGuid().ToString("N")[..12]);
    private EmbeddedPostgres? _postgres;
    private string? _connectionString;

    /// <summary>
    /// The server's connection string with a pool sized for the suite: every host a test assembly starts shares one pool per
    /// connection string (<see cref="LedgerDataSource"/>), where a user's process has only its own work to do.
    /// </summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("not started");

    /// <summary>A new, empty database on the same server, for a test that needs a ledger of its own.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask InitializeAsync()
    {
        _postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_directory, Durable: false, MaxConnections: 800), CancellationToken.None);
        _connectionString = new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { MaxPoolSize = 100 }.ConnectionString;
        using var store = LedgerStoreOptions.CreateStore(_connectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
