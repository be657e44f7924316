using BsiLedger.EventStore.Journal;
using BsiLedger.Host;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BsiLedger.Cli.Hosting;

/// <summary>
/// The ledger for the length of one command: the database (embedded unless a connection is given) and a
/// started host, stopped again in reverse order on dispose.
/// </summary>
public sealed class LedgerSession : IAsyncDisposable
{
    private readonly LedgerDatabase _database;
    private readonly IHost _host;

    private LedgerSession(LedgerDatabase database, IHost host, string connectionString)
    {
        _database = database;
        _host = host;
        ConnectionString = connectionString;
    }

    /// <summary>
    /// For questions asked of the database directly (verification), not through Marten or the grains: the ledger's
    /// pool, which a silo's Orleans pool leaves the rest of the budget to.
    /// </summary>
    public string ConnectionString { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IEventJournal Journal => _host.Services.GetRequiredService<IEventJournal>();

    /// <summary>Marten itself, for the read models: queries only, never appends.</summary>
    public IDocumentStore Store => _host.Services.GetRequiredService<IDocumentStore>();

    public static async Task<LedgerSession> OpenAsync(LedgerSettings settings, bool withSilo, CancellationToken ct)
    {
        var database = await LedgerDatabase.OpenAsync(settings, ct);
        try
        {
            var options = LedgerDatabase.WithinBudget(
                new LedgerHostOptions(database.ConnectionString) { Telemetry = settings.Telemetry, WithSilo = withSilo, Journal = settings.Journal });
            var host = LedgerHost.Build(options);
            await host.StartAsync(ct);
            return new LedgerSession(database, host, options.ConnectionString);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
            _host.Dispose();
        }
        finally
        {
            await _database.DisposeAsync();
        }
    }
}
