using System.Diagnostics;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Host.Cluster;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.Cli.Tests.Serving;

/// <summary>
/// A <c>bsi</c> command on a database where a cluster is live goes to that cluster as an Orleans client; with none it
/// hosts its own silo; with one registered as live whose gateways do not answer it says so within seconds.
/// </summary>
public sealed class ClusterClientTests(PostgresFixture postgres)
{
    private const string Through = "through cluster";

    [Fact]
    public async Task A_command_beside_a_live_server_goes_through_its_cluster_and_says_so()
    {
        var cluster = $"test-{Guid.NewGuid():N}";
        var device = UniqueIds.Device();
        await using var served = await ServedBsi.StartAsync(postgres.ConnectionString, TimeSpan.FromSeconds(30), "--cluster", cluster);

        var enrol = await Bsi.RunAsync(["device", "enroll", device, "--platform", "iOS", "--os", "26.3.1", "--connection", postgres.ConnectionString, "--cluster", cluster, "--telemetry", "none"]);

        Assert.True(enrol.ExitCode == 0, enrol.ToString());
        Assert.Contains($"{Through} {cluster}", enrol.Stderr, StringComparison.Ordinal);
        using var shown = await served.Http.GetAsync($"/devices/{device}", TestContext.Current.CancellationToken);
        Assert.True(shown.IsSuccessStatusCode, await shown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_command_on_the_data_directory_of_a_running_server_goes_through_its_cluster_on_its_embedded_server()
    {
        var directory = Directory.CreateTempSubdirectory("bsi-cluster-client-").FullName;
        var device = UniqueIds.Device();
        try
        {
            await using (var served = await ServedBsi.StartEmbeddedAsync(directory, TimeSpan.FromSeconds(30), "--cluster", SharedCluster.DefaultId))
            {
                var enrol = await Bsi.RunAsync(["device", "enroll", device, "--platform", "iOS", "--os", "26.3.1", "--data-dir", directory, "--telemetry", "none"]);
                var status = await Bsi.RunAsync(["cluster", "status", "--data-dir", directory, "--telemetry", "none", "--json"]);

                Assert.True(enrol.ExitCode == 0, enrol.ToString());
                Assert.Contains(Through, enrol.Stderr, StringComparison.Ordinal);
                Assert.True(status.ExitCode == 0, status.ToString());
                Assert.Contains(status.Json().GetProperty("silos").EnumerateArray(), silo => silo.GetProperty("status").GetString() == "active");
                await served.StopAsync();
            }

            // The server has left its cluster and stopped its PostgreSQL: the directory is the command's own again.
            var shown = await Bsi.RunAsync(["device", "show", device, "--data-dir", directory, "--telemetry", "none", "--json"]);
            Assert.True(shown.ExitCode == 0, shown.ToString());
            Assert.DoesNotContain(Through, shown.Stderr, StringComparison.Ordinal);
            Assert.Equal(1, shown.Json().GetProperty("version").GetInt32());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_live_cluster_a_command_hosts_its_own_silo_and_says_nothing_of_a_cluster()
    {
        var run = await Bsi.RunAsync(["device", "enroll", UniqueIds.Device(), "--platform", "iOS", "--os", "26.3.1", "--connection", postgres.ConnectionString, "--cluster", $"test-{Guid.NewGuid():N}", "--telemetry", "none"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(Through, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_registered_live_whose_gateways_do_not_answer_is_exit_3_within_seconds_and_writes_nothing()
    {
        var cluster = $"test-{Guid.NewGuid():N}";
        var device = UniqueIds.Device();
        await RegisterUnreachableSiloAsync(cluster);

        var clock = Stopwatch.StartNew();
        var run = await Bsi.RunAsync(["device", "enroll", device, "--platform", "iOS", "--os", "26.3.1", "--connection", postgres.ConnectionString, "--cluster", cluster, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains($"cluster {cluster} is registered as live", run.Stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.Equal(0, await StoredRows.CountAsync(postgres.ConnectionString, device));
    }

    [Fact]
    public async Task A_cluster_whose_heartbeat_goes_stale_while_a_command_connects_is_given_up_and_the_command_runs_here()
    {
        var cluster = $"test-{Guid.NewGuid():N}";
        var device = UniqueIds.Device();
        // Fresh (under 15 s) when the command first looks, if it looks within 10 s; stale when it looks again, after
        // the gateways have had their 20 s.
        await RegisterUnreachableSiloAsync(cluster, heartbeat: "now() - interval '5 seconds'");

        var run = await Bsi.RunAsync(["device", "enroll", device, "--platform", "iOS", "--os", "26.3.1", "--connection", postgres.ConnectionString, "--cluster", cluster, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"cluster {cluster} stopped while this command connected; running it here", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, await StoredRows.CountAsync(postgres.ConnectionString, device));
    }

    [Fact]
    public async Task A_cluster_id_outside_the_allowed_characters_is_exit_2()
    {
        var run = await Bsi.RunAsync(["device", "show", UniqueIds.Device(), "--connection", postgres.ConnectionString, "--cluster", "no spaces/here", "--telemetry", "none"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--cluster", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A silo row as a killed silo leaves it, pointing at a port nothing listens on; by default its heartbeat stays fresh.</summary>
    private async Task RegisterUnreachableSiloAsync(string cluster, string heartbeat = "now() + interval '1 minute'")
    {
        await OrleansSchema.EnsureAsync(postgres.ConnectionString, CancellationToken.None);
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var insert = new NpgsqlCommand($"""
            insert into {MembershipSchema.VersionTable} (deployment_id, version) values (@cluster, 1);
            insert into {MembershipSchema.MemberTable} (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
            values (@cluster, '127.0.0.1', @port, 1, 'killed', 'localhost', {MembershipSchema.ActiveStatus}, @gateway, now(), {heartbeat});
            """, connection);
        insert.Parameters.AddWithValue("cluster", cluster);
        insert.Parameters.AddWithValue("port", FreeTcpPort.Pick());
        insert.Parameters.AddWithValue("gateway", FreeTcpPort.Pick());
        await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
