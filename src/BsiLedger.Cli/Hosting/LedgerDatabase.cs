using BsiLedger.EventStore.Postgres;

namespace BsiLedger.Cli.Hosting;

/// <summary>Where the ledger lives: the connection given, or a private PostgreSQL in the data directory, stopped on dispose.</summary>
public sealed class LedgerDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;

    private LedgerDatabase(EmbeddedPostgres? embedded, string connectionString)
    {
        _embedded = embedded;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<LedgerDatabase> OpenAsync(LedgerSettings settings, CancellationToken ct)
    {
        if (settings.ExplicitConnection is { } connection)
        {
            return new LedgerDatabase(null, connection);
        }

        // stderr, like every line that is not the command's result (see Program).
        var options = new EmbeddedPostgresOptions(settings.DataDirectory) { Notice = message => Console.Error.WriteLine($"notice: {message}") };
        var embedded = await EmbeddedPostgres.StartAsync(options, ct);
        return new LedgerDatabase(embedded, embedded.ConnectionString);
    }

    public ValueTask DisposeAsync() => _embedded?.DisposeAsync() ?? ValueTask.CompletedTask;
}
