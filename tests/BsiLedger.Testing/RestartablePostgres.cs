using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.Testing;

/// <summary>
/// A private PostgreSQL on a fixed loopback port, so that clients holding its connection string reconnect after it is
/// stopped and started again: for tests of what a restart or a dropped connection does to a running ledger.
/// </summary>
public sealed class RestartablePostgres : IAsyncDisposable
{
    // Not CreateTempSubdirectory: its mode 700 would keep the embedded server's own account out.
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bsi-restartable-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly EmbeddedPostgresOptions _options;
    private EmbeddedPostgres? _server;

    private RestartablePostgres() => _options = new EmbeddedPostgresOptions(_directory, Durable: false, Port: FreeTcpPort.Pick());

    public string ConnectionString { get; private set; } = "";

    public static async Task<RestartablePostgres> StartAsync(CancellationToken ct)
    {
        var postgres = new RestartablePostgres();
        await postgres.StartAgainAsync(ct);
        return postgres;
    }

    /// <summary>A fast shutdown (every session ended, what was in flight rolled back), a pause, and a start on the same port.</summary>
    public async Task RestartAsync(TimeSpan pause, CancellationToken ct)
    {
        await StopAsync();
        await Task.Delay(pause, ct);
        await StartAgainAsync(ct);
    }

    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    /// <summary>Starts the server after <see cref="StopAsync"/>, on the same port and data; nothing when it runs.</summary>
    public async Task StartAgainAsync(CancellationToken ct)
    {
        if (_server is null)
        {
            _server = await EmbeddedPostgres.StartAsync(_options, ct);
            ConnectionString = _server.ConnectionString;
        }
    }

    /// <summary>Ends every connection the ledger holds (its connections are named <see cref="LedgerStoreOptions.DefaultApplicationName"/>); how many there were.</summary>
    public async Task<long> TerminateLedgerConnectionsAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(Unpooled("postgres"));
        await connection.OpenAsync(ct);
        await using var terminate = new NpgsqlCommand("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = @name", connection);
        terminate.Parameters.AddWithValue("name", LedgerStoreOptions.DefaultApplicationName);
        return (long)(await terminate.ExecuteScalarAsync(ct))!;
    }

    /// <summary>A new, empty database on the server; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken ct)
    {
        await using (var connection = new NpgsqlConnection(Unpooled("postgres")))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>For a test's own look at the database, outside the ledger's pool and its connection name.</summary>
    public string Unpooled(string? database = null) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database ?? EmbeddedPostgres.DatabaseName, Pooling = false, ApplicationName = "test" }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
