using BsiLedger.EventStore.Postgres;
using BsiLedger.Host;
using BsiLedger.Operations.Input;

namespace BsiLedger.Cli.Hosting;

/// <summary>
/// Where the ledger lives: the connection given, or a private PostgreSQL in the data directory, stopped on dispose,
/// or (for a command that may share it) the private PostgreSQL another live process runs for that directory.
/// Either way the connection string carries the process's connection budget.
/// </summary>
public sealed class LedgerDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;

    private LedgerDatabase(EmbeddedPostgres? embedded, string connectionString, EmbeddedPostgresBusyException? borrowedFrom = null)
    {
        _embedded = embedded;
        ConnectionString = connectionString;
        BorrowedFrom = borrowedFrom;
    }

    public string ConnectionString { get; }

    /// <summary>
    /// Set when the data directory's server belongs to another live process (why this one could not start its own):
    /// fine to read from or to reach that process's cluster through, not to host a silo on.
    /// </summary>
    public EmbeddedPostgresBusyException? BorrowedFrom { get; }

    /// <param name="mayBorrow">
    /// True for a command that can work on another live process's embedded server; a server or a simulation, which
    /// host a long-lived silo, must own theirs.
    /// </param>
    /// <param name="hostStopsOnSignal">True for a host that stops gracefully on SIGINT/SIGTERM and then disposes this.</param>
    public static async Task<LedgerDatabase> OpenAsync(LedgerSettings settings, CancellationToken ct, bool mayBorrow = false, bool hostStopsOnSignal = false)
    {
        if (settings.ExplicitConnection is { } connection)
        {
            return new LedgerDatabase(null, Budgeted(connection, settings));
        }

        // stderr, like every line that is not the command's result (see Program).
        var options = new EmbeddedPostgresOptions(settings.DataDirectory)
        {
            Notice = message => Console.Error.WriteLine($"notice: {message}"),
            StopsOnSignal = !hostStopsOnSignal,
        };
        try
        {
            var embedded = await EmbeddedPostgres.StartAsync(options, ct);
            return new LedgerDatabase(embedded, Budgeted(embedded.ConnectionString, settings));
        }
        catch (EmbeddedPostgresBusyException busy) when (mayBorrow && RunningEmbeddedServer.Find(settings.DataDirectory) is { } running)
        {
            return new LedgerDatabase(null, Budgeted(running, settings), busy);
        }
    }

    /// <summary>
    /// For a command that runs long (a simulation, a server): refuses now if the budget, and <paramref name="alongside"/>
    /// connections more that the process holds beside it (a simulation's other silos), cannot fit on the server.
    /// </summary>
    public Task EnsureBudgetFitsAsync(CancellationToken ct, int alongside = 0) => ConnectionBudgetCheck.EnsureFitsAsync(ConnectionString, ct, alongside);

    /// <summary>
    /// The host's options within this process's budget (<see cref="LedgerHostOptions.WithinBudget"/>): a budget that
    /// leaves the ledger no connection beside the silo's Orleans pool is bad input.
    /// </summary>
    public static LedgerHostOptions WithinBudget(LedgerHostOptions options)
    {
        try
        {
            return options.WithinBudget();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{e.Message.Split(" (Parameter", 2)[0]}: raise --max-connections");
        }
    }

    public ValueTask DisposeAsync() => _embedded?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static string Budgeted(string connectionString, LedgerSettings settings)
    {
        try
        {
            return ConnectionBudget.Apply(connectionString, settings.MaxConnections);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
