using BsiLedger.EventStore.Postgres;

namespace BsiLedger.Bench;

/// <summary>
/// The database a run writes to: the one named, or a private embedded server in a fresh temporary
/// directory that is stopped and deleted on dispose.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;
    private readonly string? _dataDirectory;

    private BenchDatabase(string connectionString, EmbeddedPostgres? embedded, string? dataDirectory)
    {
        ConnectionString = connectionString;
        _embedded = embedded;
        _dataDirectory = dataDirectory;
    }

    public string ConnectionString { get; }

    public string Description => _embedded is null ? "given connection" : $"embedded durable PostgreSQL in {_dataDirectory}, deleted afterwards";

    public static async Task<BenchDatabase> OpenAsync(string? explicitConnection, string runId, CancellationToken ct)
    {
        if (explicitConnection is not null)
        {
            return new BenchDatabase(explicitConnection, null, null);
        }

        var directory = Path.Combine(Path.GetTempPath(), $"bsiledger-bench-{runId}");
        try
        {
            // Durable: the figures should include the fsync a real ledger pays on every commit.
            var embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(directory) { Durable = true }, ct);
            return new BenchDatabase(embedded.ConnectionString, embedded, directory);
        }
        catch
        {
            DeleteQuietly(directory);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_embedded is null)
        {
            return;
        }

        try
        {
            await _embedded.DisposeAsync();
        }
        finally
        {
            DeleteQuietly(_dataDirectory!);
        }
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"warning: could not delete {directory}: {e.Message}");
        }
    }
}
