using System.Diagnostics;
using System.Net;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Host;
using BsiLedger.Host.Cluster;
using BsiLedger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace BsiLedger.Grains.Tests.Cluster;

/// <summary>Two silos (two hosts, as two <c>bsi serve</c> would be) on one database and one cluster id find each other, and a client finds them.</summary>
public sealed class SharedClusterTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_silos_of_one_cluster_id_see_each_other_active_through_the_membership_table()
    {
        var database = await postgres.CreateDatabaseAsync();
        var clusterId = "two-" + Guid.NewGuid().ToString("N")[..12];
        using var first = Silo(database, clusterId);
        using var second = Silo(database, clusterId);
        await first.StartAsync(Ct);
        await second.StartAsync(Ct);
        try
        {
            var management = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            var hosts = await WaitForAsync(async () => await management.GetHosts(onlyActive: true), h => h.Count == 2);
            Assert.Equal(2, hosts.Count);

            var registered = await ClusterMembership.ReadAsync(database, clusterId, Ct);
            Assert.Equal(2, registered.Count(s => s.Status == "active"));
            Assert.All(registered, s => Assert.StartsWith("127.0.0.1:", s.Gateway, StringComparison.Ordinal));
            Assert.True(await ClusterMembership.IsLiveAsync(database, clusterId, Ct));
            Assert.False(await ClusterMembership.IsLiveAsync(database, clusterId + "-other", Ct));

            // A client finds the same two through the gateways the table lists.
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.UseOrleansClient(client => client.UseLedgerCluster(database, clusterId));
            using var client = builder.Build();
            await client.StartAsync(Ct);
            var seen = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(true, Ct);
            await client.StopAsync(Ct);
            Assert.Equal(hosts.Keys.Order(), seen.Keys.Order());
        }
        finally
        {
            await second.StopAsync(Ct);
            await first.StopAsync(Ct);
        }

        // Stopped silos leave their rows, marked dead: no live cluster is left to be a client of.
        Assert.All(await ClusterMembership.ReadAsync(database, clusterId, Ct), s => Assert.Equal("dead", s.Status));
        Assert.False(await ClusterMembership.IsLiveAsync(database, clusterId, Ct));
    }

    [Fact]
    public async Task The_membership_of_a_silo_never_holds_more_than_its_pool()
    {
        var database = await postgres.CreateDatabaseAsync();
        var clusterId = "pool-" + Guid.NewGuid().ToString("N")[..12];
        var name = new NpgsqlConnectionStringBuilder(ClusterPool.ConnectionString(database)).ApplicationName!;
        using var silo = Silo(database, clusterId);
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakAsync(database, name, sampling.Token);
        await silo.StartAsync(Ct);
        // Long enough for heartbeats, table reads and the gateway's refresh.
        await Task.Delay(TimeSpan.FromSeconds(12), Ct);
        await silo.StopAsync(Ct);
        await sampling.CancelAsync();

        var held = await peak;
        Assert.InRange(held, 1, ClusterPool.Size);
    }

    private static IHost Silo(string database, string clusterId) =>
        LedgerHost.Build(new LedgerHostOptions(database)
        {
            Telemetry = TelemetryMode.None,
            Cluster = new SharedCluster(clusterId, IPAddress.Loopback, FreeTcpPort.Pick(), FreeTcpPort.Pick()),
        });

    private static async Task<long> SamplePeakAsync(string database, string applicationName, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(database) { Pooling = false, ApplicationName = "pool-sampler" }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(CancellationToken.None);
        var peak = 0L;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await using var command = new NpgsqlCommand(
                    "select count(*) from pg_stat_activity where application_name = $1 and datname = current_database()", connection)
                {
                    Parameters = { new() { Value = applicationName } },
                };
                peak = Math.Max(peak, (long)(await command.ExecuteScalarAsync(CancellationToken.None))!);
                await Task.Delay(50, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // Sampling ends when the silo has stopped.
        }

        return peak;
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                return value;
            }

            await Task.Delay(200, Ct);
        }
    }
}
