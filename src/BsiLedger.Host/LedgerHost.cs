using System.Net;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.LogConsistency;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Grains;
using BsiLedger.Host.Cluster;
using BsiLedger.Host.Telemetry;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace BsiLedger.Host;

/// <summary>
/// One process: an Orleans silo with the ledger's grains, Marten over PostgreSQL, and OpenTelemetry.
/// The CLI, the tests and the benchmark all start the ledger through here.
/// </summary>
public static class LedgerHost
{
    /// <summary>Every silo and client of every ledger: clusters differ by their cluster id.</summary>
    public const string ServiceId = "bsiledger";

    /// <summary>How many times a private silo is built on newly picked ports before its start fails.</summary>
    public const int PortAttempts = 3;

    public static IHost Build(LedgerHostOptions options)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true });
        Configure(builder, options);
        return builder.Build();
    }

    /// <summary>
    /// Builds and starts the host. A private silo (no <see cref="LedgerHostOptions.Cluster"/>) listens on ports picked
    /// free a moment before its start; one that lost such a port to another process in that moment is built again on
    /// newly picked ones, rather than failing the command.
    /// </summary>
    public static async Task<IHost> StartAsync(LedgerHostOptions options, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var host = Build(options);
            try
            {
                await host.StartAsync(ct);
                return host;
            }
            catch (Exception e) when (attempt < PortAttempts && options is { WithSilo: true, Cluster: null } && PortTaken.Caused(e))
            {
                await StopFailedAsync(host);
            }
            catch
            {
                await StopFailedAsync(host);
                throw;
            }
        }
    }

    /// <summary>
    /// A failed start leaves running what started before the failure, and hosted services (Marten's daemon among them)
    /// end only on stop, not on dispose. Orleans keeps the listener it did bind (the silo's port, when the gateway's was
    /// lost) even so, as seen in the tests: one socket per lost attempt, until the process ends.
    /// </summary>
    private static async Task StopFailedAsync(IHost host)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await host.StopAsync(patience.Token);
        }
        catch (Exception)
        {
            // The start's failure is the one to report, not a follow-on one from stopping.
        }
        finally
        {
            host.Dispose();
        }
    }

    /// <summary>
    /// The ledger's services, silo and logging on any host builder: the plain host above, or a web application's
    /// (<c>bsi serve</c>) that mounts its endpoints beside the silo.
    /// </summary>
    public static void Configure(IHostApplicationBuilder builder, LedgerHostOptions options)
    {
        // A web builder comes with its own log providers; the ledger's take their place.
        builder.Logging.ClearProviders();
        // stdout belongs to the command's result; logs go to stderr, quietly.
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Orleans' start-up advice (server GC, watchdog) is for long-running silos, not a user's command.
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        // A failed start is reported once, by the caller, without the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        // The journal turns a failed command into one JournalUnavailableException the command reports; Marten
        // would also log every failed statement of every batch with its SQL (thousands of lines on a lost database).
        builder.Logging.AddFilter("Marten", LogLevel.Critical);

        AddLedgerStore(builder.Services, options);
        if (options.WithSilo)
        {
            AddSilo(builder, options);
        }
        else if (options.ClientOf is { } clusterId)
        {
            builder.UseOrleansClient(client => client.UseLedgerCluster(options.ConnectionString, clusterId).AddActivityPropagation());
        }

        builder.Services.AddLedgerTelemetry(options.Telemetry);
        options.ConfigureServices?.Invoke(builder.Services);
    }

    /// <summary>The domain clock, Marten and the journal: what the grains need of the ledger, on any service collection.</summary>
    public static void AddLedgerStore(IServiceCollection services, LedgerHostOptions options)
    {
        services.AddSingleton(new DomainClock(options.Clock));
        var marten = services.AddMarten(marten => LedgerStoreOptions.Configure(marten, options.ConnectionString))
            .ApplyAllDatabaseChangesOnStartup();
        if (options.RunsProjections)
        {
            marten.AddAsyncDaemon(DaemonMode.HotCold);
        }

        options.Journal.Validate();
        services.AddSingleton(options.Journal);
        services.AddSingleton<IEventJournal, MartenEventJournal>();
        services.AddSingleton<ILedgerIndex, MartenLedgerIndex>();
    }

    /// <summary>
    /// The ledger's grains and what they need of a silo, whatever clusters it: <see cref="AddSilo"/>'s, or a test
    /// cluster's own (tests/BsiLedger.Grains.Tests/Cluster).
    /// </summary>
    public static void AddLedgerGrains(ISiloBuilder silo, LedgerHostOptions options)
    {
        silo.AddActivityPropagation();
        // A grain waiting out a database outage answers late, not never: its callers wait as long as its journal does.
        silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout =
            Max(messaging.ResponseTimeout, options.Journal.OutageTolerance + TimeSpan.FromSeconds(30)));
        silo.Services.AddLedgerLogConsistency();
        options.Fleet.Validate();
        silo.Services.AddSingleton(Options.Create(options.Fleet));
        silo.Services.AddSingleton(options.Agent);
        options.ConfigureSilo?.Invoke(silo);
    }

    private static void AddSilo(IHostApplicationBuilder builder, LedgerHostOptions options)
    {
        if (options.UsesClusterPool)
        {
            // Before the silo's own start, which reads the membership and reminder statements.
            builder.Services.AddHostedService(_ => new OrleansSchemaInitializer(options.ConnectionString));
        }

        builder.Services.AddLedgerReminders(options);
        builder.UseOrleans(silo =>
        {
            if (options.Cluster is { } cluster)
            {
                JoinSharedCluster(silo, cluster, options.ConnectionString);
            }
            else
            {
                silo.UseLocalhostClustering(
                    siloPort: FreeTcpPort.Pick(),
                    gatewayPort: FreeTcpPort.Pick(),
                    serviceId: ServiceId,
                    clusterId: $"bsi-{Environment.ProcessId}-{Guid.NewGuid():N}");
            }

            AddLedgerGrains(silo, options);
        });
    }

    private static void JoinSharedCluster(ISiloBuilder silo, SharedCluster cluster, string connectionString)
    {
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = ServiceId;
        });
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.AdvertisedIPAddress = cluster.Advertise;
            endpoints.SiloPort = cluster.SiloPort;
            endpoints.GatewayPort = cluster.GatewayPort;
            endpoints.SiloListeningEndpoint = new IPEndPoint(cluster.Listen, cluster.SiloPort);
            endpoints.GatewayListeningEndpoint = new IPEndPoint(cluster.Listen, cluster.GatewayPort);
        });
        silo.UseAdoNetClustering(adoNet =>
        {
            adoNet.Invariant = ClusterMembership.AdoNetInvariant;
            adoNet.DataSource = ClusterPool.For(connectionString);
        });
        silo.Configure<ClusterMembershipOptions>(MembershipTimings.Apply);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
