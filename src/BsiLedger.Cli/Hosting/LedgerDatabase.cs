using BsiLedger.EventStore.Postgres;
using BsiLedger.Host;
using BsiLedger.Operations.Input;

namespace BsiLedger.Cli.Hosting;

/// <summary>
/// Where the ledger lives: the connection given, or a private PostgreSQL in the data directory, stopped on dispose.
/// Either way the connection string carries the process's connection budget.
/// </summary>
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
            return new LedgerDatabase(null, Budgeted(connection, settings));
        }

        // stderr, like every line that is not the command's result (see Program).
        var options = new EmbeddedPostgresOptions(settings.DataDirectory) { Notice = message => Console.Error.WriteLine($"notice: {message}") };
        var embedded = await EmbeddedPostgres.StartAsync(options, ct);
        return new LedgerDatabase(embedded, Budgeted(embedded.ConnectionString, settings));
    }

    /// <summary>For a command that runs long (a simulation, a server): refuses now if the budget cannot fit on the server.</summary>
    public Task EnsureBudgetFitsAsync(CancellationToken ct) => ConnectionBudgetCheck.EnsureFitsAsync(ConnectionString, ct);

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
