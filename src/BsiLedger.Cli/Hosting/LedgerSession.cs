using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Postgres;
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
    private readonly EmbeddedPostgres? _embedded;
    private readonly IHost _host;

    private LedgerSession(EmbeddedPostgres? embedded, IHost host, string connectionString)
    {
        _embedded = embedded;
        _host = host;
        ConnectionString = connectionString;
    }

    /// <summary>For questions asked of the database directly (verification), not through Marten or the grains.</summary>
    public string ConnectionString { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IEventJournal Journal => _host.Services.GetRequiredService<IEventJournal>();

    /// <summary>Marten itself, for the read models: queries only, never appends.</summary>
    public IDocumentStore Store => _host.Services.GetRequiredService<IDocumentStore>();

    public static async Task<LedgerSession> OpenAsync(LedgerSettings settings, bool withSilo, CancellationToken ct)
    {
        EmbeddedPostgres? embedded = null;
        if (settings.ExplicitConnection is not { } connection)
        {
            embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(settings.DataDirectory), ct);
            connection = embedded.ConnectionString;
        }

        try
        {
            var host = LedgerHost.Build(new LedgerHostOptions(connection) { Telemetry = settings.Telemetry, WithSilo = withSilo });
            await host.StartAsync(ct);
            return new LedgerSession(embedded, host, connection);
        }
        catch
        {
            if (embedded is not null)
            {
                await embedded.DisposeAsync();
            }

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
            if (_embedded is not null)
            {
                await _embedded.DisposeAsync();
            }
        }
    }
}
