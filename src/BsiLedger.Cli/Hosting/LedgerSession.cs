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

    private LedgerSession(LedgerDatabase database, IHost host)
    {
        _database = database;
        _host = host;
    }

    /// <summary>For questions asked of the database directly (verification), not through Marten or the grains.</summary>
    public string ConnectionString => _database.ConnectionString;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IEventJournal Journal => _host.Services.GetRequiredService<IEventJournal>();

    /// <summary>Marten itself, for the read models: queries only, never appends.</summary>
    public IDocumentStore Store => _host.Services.GetRequiredService<IDocumentStore>();

    public static async Task<LedgerSession> OpenAsync(LedgerSettings settings, bool withSilo, CancellationToken ct)
    {
        var database = await LedgerDatabase.OpenAsync(settings, ct);
        try
        {
            var host = LedgerHost.Build(new LedgerHostOptions(database.ConnectionString) { Telemetry = settings.Telemetry, WithSilo = withSilo, Journal = settings.Journal });
            await host.StartAsync(ct);
            return new LedgerSession(database, host);
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
