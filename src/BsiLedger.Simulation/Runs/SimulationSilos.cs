using System.Net;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Grains.Devices;
using BsiLedger.Grains.Fleet;
using BsiLedger.Host;
using BsiLedger.Host.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace BsiLedger.Simulation.Runs;

/// <summary>
/// The silos a simulation runs on: one private silo (the default), or <see cref="SimulationOptions.Silos"/> silo hosts
/// in this process that join one cluster of their own in the ledger's database, as <c>bsi serve</c> processes do, so the
/// grains spread over them and every call between two of them crosses the silos' TCP connections. They share the
/// virtual clock and the simulated devices. Each silo has the connection budget a <c>bsi serve</c> would have, so the
/// process holds up to <see cref="SimulationOptions.Silos"/> budgets (the command checks the server has room for them).
/// </summary>
public sealed class SimulationSilos : IAsyncDisposable
{
    private readonly IReadOnlyList<LedgerHostOptions> _silos;

    private readonly List<IHost> _started = [];

    private SimulationSilos(IReadOnlyList<LedgerHostOptions> silos) => _silos = silos;

    /// <summary>Every started silo; the first runs the async daemon and is where the run's own calls and reads start.</summary>
    public IReadOnlyList<IHost> Hosts => _started;

    public IServiceProvider First => Hosts[0].Services;

    public static SimulationSilos For(SimulationOptions options, TimeProvider clock, SimulatedAgent agent)
    {
        var silos = options.Silos;
        var clusterId = silos == 1 ? null : $"simulation-{Environment.ProcessId}-{Guid.NewGuid():N}";
        return new SimulationSilos([.. Enumerable.Range(0, silos).Select(index =>
            new LedgerHostOptions(silos == 1 ? options.ConnectionString : Named(options.ConnectionString, index))
            {
                Telemetry = options.Telemetry,
                Clock = clock,
                Agent = agent,
                Fleet = new FleetOptions { Shards = options.Shards, AdvanceEvery = null },
                Journal = new JournalOptions { OutageTolerance = options.OutageTolerance },
                RunsProjections = index == 0,
                Cluster = clusterId is null ? null : new SharedCluster(clusterId, IPAddress.Loopback, FreeTcpPort.Pick(), FreeTcpPort.Pick()),
            }.WithinBudget())]);
    }

    /// <summary>The first silo first: it creates the ledger's and the cluster's schema the others then find in place.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var silo in _silos)
        {
            _started.Add(await LedgerHost.StartAsync(silo, cancellationToken));
        }

        await UntilEverySiloIsSeenAsync(cancellationToken);
    }

    /// <summary>
    /// Until the first silo counts every other one active: a silo that joined a moment ago gets no grains from a silo
    /// that has not heard of it yet, and the fleet enrolled in the meantime would all stay where the run started.
    /// </summary>
    private async Task UntilEverySiloIsSeenAsync(CancellationToken cancellationToken)
    {
        var management = First.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(TimeSpan.FromMinutes(1));
        while ((await management.GetHosts(onlyActive: true, patience.Token)).Count < _silos.Count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), patience.Token);
        }
    }

    /// <summary>How many device grains each silo holds, in the order the silos joined: whether the fleet spread over them.</summary>
    public async Task<IReadOnlyList<int>> DevicesPerSiloAsync()
    {
        var statistics = await First.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        // Named as "type, assembly".
        var deviceType = typeof(DeviceGrain).FullName + ",";
        return [.. Hosts.Select(host => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress)
            .Select(silo => statistics.Where(s => s.SiloAddress.Equals(silo) && s.GrainType.StartsWith(deviceType, StringComparison.Ordinal)).Sum(s => s.ActivationCount))];
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].StopAsync(CancellationToken.None);
        }

        foreach (var host in _started)
        {
            host.Dispose();
        }
    }

    /// <summary>
    /// Silo <paramref name="index"/>'s connection string: the same budget under a name of its own, so that each silo's
    /// pools are its own (pools are per connection string) and <c>pg_stat_activity</c> tells the silos apart.
    /// </summary>
    private static string Named(string connectionString, int index) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = $"{new NpgsqlConnectionStringBuilder(LedgerStoreOptions.Tuned(connectionString)).ApplicationName}-silo{index + 1}",
        }.ConnectionString;
}
