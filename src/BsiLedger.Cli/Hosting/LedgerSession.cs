using BsiLedger.EventStore.Journal;
using BsiLedger.Host;
using BsiLedger.Host.Cluster;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BsiLedger.Cli.Hosting;

/// <summary>
/// The ledger for the length of one command: the database (embedded unless a connection is given) and a started
/// host, stopped again in reverse order on dispose. A command that needs grains goes to the live cluster registered in
/// that database as an Orleans client when there is one, and hosts a private silo of its own only when there is none.
/// </summary>
public sealed class LedgerSession : IAsyncDisposable
{
    /// <summary>How long a command waits for a registered cluster's gateways before it says so and stops.</summary>
    // A client's start on a busy 2-core machine (a CI run's test assemblies side by side) was seen to need over 10 s.
    public static readonly TimeSpan ClusterConnectTimeout = TimeSpan.FromSeconds(20);

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
        var database = await LedgerDatabase.OpenAsync(settings, ct, mayBorrow: true);
        try
        {
            var readOnly = new LedgerHostOptions(database.ConnectionString) { Telemetry = settings.Telemetry, WithSilo = false, Journal = settings.Journal };
            var options = withSilo ? LedgerDatabase.WithinBudget(await SiloOrClientAsync(database, settings.Cluster, readOnly, ct)) : readOnly;
            IHost host;
            try
            {
                host = await StartAsync(options, ct);
            }
            catch (ClusterUnreachableException) when (database.BorrowedFrom is null)
            {
                if (await ClusterMembership.IsLiveAsync(database.ConnectionString, settings.Cluster, ct))
                {
                    throw;
                }

                // Its last silo left while this command was connecting: the command runs where it would have had the
                // cluster not been there.
                await Console.Error.WriteLineAsync($"bsi: cluster {settings.Cluster} stopped while this command connected; running it here");
                options = LedgerDatabase.WithinBudget(readOnly with { WithSilo = true });
                host = await LedgerHost.StartAsync(options, ct);
            }

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

    private static async Task<LedgerHostOptions> SiloOrClientAsync(LedgerDatabase database, string clusterId, LedgerHostOptions options, CancellationToken ct)
    {
        if (await ClusterMembership.IsLiveAsync(database.ConnectionString, clusterId, ct))
        {
            // stderr: stdout is the command's result. This is how a user tells where the command ran (README).
            await Console.Error.WriteLineAsync($"bsi: through cluster {clusterId} (its silos run the command; bsi cluster status lists them)");
            return options with { ClientOf = clusterId };
        }

        // Another process's embedded server is fine to read from or to reach its cluster through; a silo of this
        // command's own would outlive nothing and race a server that may stop under it.
        if (database.BorrowedFrom is { } busy)
        {
            throw busy;
        }

        return options with { WithSilo = true };
    }

    private static async Task<IHost> StartAsync(LedgerHostOptions options, CancellationToken ct)
    {
        if (options.ClientOf is not { } clusterId)
        {
            return await LedgerHost.StartAsync(options, ct);
        }

        var host = LedgerHost.Build(options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ClusterConnectTimeout);
        try
        {
            await host.StartAsync(timeout.Token);
            return host;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            host.Dispose();
            throw new ClusterUnreachableException(clusterId, ClusterConnectTimeout, e);
        }
    }
}
