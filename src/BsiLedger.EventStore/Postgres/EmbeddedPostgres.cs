using Npgsql;

namespace BsiLedger.EventStore.Postgres;

/// <summary>
/// A private PostgreSQL server run from the machine's own binaries, with its data kept in
/// <see cref="EmbeddedPostgresOptions.DataDirectory"/> between runs (under root, possibly relocated: see
/// <see cref="DataDirectoryRelocation"/>). One process at a time may use a directory.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string DatabaseName = "bsiledger";

    private const int PortAttempts = 5;

    private readonly string _dataDirectory;
    private readonly IReadOnlyList<DataDirectoryLock> _locks;
    private readonly StopOnce _stopOnce;

    private EmbeddedPostgres(string dataDirectory, IReadOnlyList<DataDirectoryLock> locks, StopOnce stopOnce, string connectionString)
    {
        _dataDirectory = dataDirectory;
        _locks = locks;
        _stopOnce = stopOnce;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken ct)
    {
        var binaries = PostgresBinaries.Locate();
        var account = PostgresAccount.ForCurrentProcess();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);

        // The named directory's lock comes first so that deciding on (and making) a relocation is never raced.
        var locks = new List<DataDirectoryLock> { DataDirectoryLock.Acquire(dataDirectory) };
        StopOnce? stopOnce = null;
        try
        {
            // A killed run's record names a port that is no longer this directory's; a process that finds this one
            // locked would otherwise believe it until the new record replaces it.
            RunningEmbeddedServer.Forget(dataDirectory);
            var serverDirectory = await new DataDirectoryRelocation(account, DataDirectoryRelocation.DefaultRoot)
                .ResolveAsync(dataDirectory, options.Notice, ct);
            if (serverDirectory != dataDirectory)
            {
                // Two named directories can point at one cluster (a copied pointer): its own lock keeps the second
                // process from taking the first one's live server for a leftover and stopping it.
                Directory.CreateDirectory(serverDirectory);
                locks.Add(DataDirectoryLock.Acquire(serverDirectory));
            }

            var cluster = new PostgresCluster(binaries, account, serverDirectory);
            Directory.CreateDirectory(cluster.SocketDirectory);
            await account.PrepareDirectoryAsync(serverDirectory, ct);
            if (!cluster.IsInitialized)
            {
                await cluster.InitializeAsync(ct);
            }
            else if (cluster.HasPidFile && await cluster.IsRunningAsync(ct))
            {
                // Left behind by a run that was killed: we hold the lock, so no live bsi process owns it.
                await cluster.StopAsync(ct);
            }

            stopOnce = new StopOnce(() => cluster.StopAsync(CancellationToken.None), options.StopsOnSignal);
            var port = await StartListeningAsync(cluster, options, ct);
            await EnsureDatabaseAsync(port, ct);
            var connectionString = ConnectionStringFor(port);
            RunningEmbeddedServer.Record(dataDirectory, connectionString);
            return new EmbeddedPostgres(dataDirectory, locks, stopOnce, connectionString);
        }
        catch
        {
            if (stopOnce is not null)
            {
                await StopQuietlyAsync(stopOnce);
            }

            ReleaseAll(locks);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            RunningEmbeddedServer.Forget(_dataDirectory);
            await _stopOnce.StopAsync();
        }
        finally
        {
            _stopOnce.Dispose();
            ReleaseAll(_locks);
        }
    }

    private static void ReleaseAll(IEnumerable<DataDirectoryLock> locks)
    {
        foreach (var directoryLock in locks)
        {
            directoryLock.Dispose();
        }
    }

    // The failure that got us here is the one worth reporting, not a follow-on one from stopping.
    private static async Task StopQuietlyAsync(StopOnce stopOnce)
    {
        try
        {
            await stopOnce.StopAsync();
        }
        catch (EmbeddedPostgresException)
        {
        }
        finally
        {
            stopOnce.Dispose();
        }
    }

    private static async Task<int> StartListeningAsync(
        PostgresCluster cluster, EmbeddedPostgresOptions options, CancellationToken ct)
    {
        if (options.Port is { } fixedPort)
        {
            return await cluster.TryStartAsync(fixedPort, options, ct)
                ? fixedPort
                : throw new EmbeddedPostgresException($"PostgreSQL could not bind port {fixedPort} on 127.0.0.1; see {cluster.LogFile}.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = FreeTcpPort.Pick();
            if (await cluster.TryStartAsync(port, options, ct))
            {
                return port;
            }

            if (attempt == PortAttempts)
            {
                throw new EmbeddedPostgresException(
                    $"PostgreSQL could not bind a free port on 127.0.0.1 after {PortAttempts} attempts; see {cluster.LogFile}.");
            }
        }
    }

    private static async Task EnsureDatabaseAsync(int port, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(BuildConnectionString(port, "postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    internal static string ConnectionStringFor(int port) => BuildConnectionString(port, DatabaseName);

    private static string BuildConnectionString(int port, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = PostgresCluster.SuperUser,
            Database = database,
            Pooling = true,
            Multiplexing = false,
        }.ConnectionString;
}
