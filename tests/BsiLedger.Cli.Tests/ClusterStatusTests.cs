using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using BsiLedger.Cli.Tests.Serving;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Testing;

namespace BsiLedger.Cli.Tests;

/// <summary><c>bsi serve</c> started several times on one database forms one cluster, and <c>bsi cluster status</c> shows it.</summary>
public sealed class ClusterStatusTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_serves_on_one_database_form_one_cluster_that_status_lists_and_either_serves_what_the_other_wrote()
    {
        var database = await postgres.CreateDatabaseAsync();
        var cluster = "two-" + Guid.NewGuid().ToString("N")[..12];
        var gateways = new[] { FreeTcpPort.Pick(), FreeTcpPort.Pick() };
        await using var first = await ServedBsi.StartAsync(database, TimeSpan.FromSeconds(30),
            "--cluster", cluster, "--silo-port", FreeTcpPort.Pick().ToString(), "--gateway-port", gateways[0].ToString());
        await using var second = await ServedBsi.StartAsync(database, TimeSpan.FromSeconds(30),
            "--cluster", cluster, "--silo-port", FreeTcpPort.Pick().ToString(), "--gateway-port", gateways[1].ToString());

        var status = await Bsi.RunAsync(["cluster", "status", "--json", "--cluster", cluster, "--connection", database, "--telemetry", "none"]);

        Assert.True(status.ExitCode == 0, status.ToString());
        var document = status.Json();
        Assert.Equal(cluster, document.GetProperty("cluster").GetString());
        var silos = document.GetProperty("silos").EnumerateArray().ToList();
        Assert.Equal(2, silos.Count);
        Assert.All(silos, silo =>
        {
            Assert.Equal(["address", "status", "startedAt", "iAmAliveAt", "gateway"], silo.EnumerateObject().Select(p => p.Name));
            Assert.Equal("active", silo.GetProperty("status").GetString());
            Assert.True(silo.GetProperty("iAmAliveAt").GetDateTimeOffset() >= silo.GetProperty("startedAt").GetDateTimeOffset());
        });
        Assert.Equal(gateways.Select(g => $"127.0.0.1:{g}").Order(), silos.Select(s => s.GetProperty("gateway").GetString()).Order());

        var device = UniqueIds.Device();
        using (var enrolled = await first.Http.PostAsync(new Uri("/devices", UriKind.Relative), Json(new { id = device, platform = "iOS", os = "26.3.1" }), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        }

        using var read = await second.Http.GetAsync(new Uri($"/devices/{device}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task A_cluster_with_no_silo_is_an_empty_answer_and_says_so_on_stderr()
    {
        var cluster = "none-" + Guid.NewGuid().ToString("N")[..12];

        var run = await Bsi.RunAsync(["cluster", "status", "--json", "--cluster", cluster, "--connection", postgres.ConnectionString, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(cluster, run.Json().GetProperty("cluster").GetString());
        Assert.Empty(run.Json().GetProperty("silos").EnumerateArray());
        Assert.Contains($"no silo is registered in cluster {cluster}", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cluster", "status")]
    [InlineData("serve")]
    public async Task A_cluster_id_with_other_characters_is_exit_2(params string[] command)
    {
        var run = await Bsi.RunAsync([.. command, "--cluster", "prod/eu west", "--connection", postgres.ConnectionString, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--cluster: 'prod/eu west' is not a cluster id", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--silo-port")]
    [InlineData("--gateway-port")]
    public async Task A_port_in_use_is_exit_3_naming_it_before_the_database_is_touched(string option)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        // Nothing listens here: reaching for the database would fail differently.
        var nowhere = $"Host=127.0.0.1;Port={FreeTcpPort.Pick()};Username=nobody;Database=none;Timeout=2";

        var run = await Bsi.RunAsync(["serve", option, port.ToString(), "--advertise", "127.0.0.1", "--connection", nowhere, "--telemetry", "none"]);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains($"port {port} ({option}) is in use", run.Stderr, StringComparison.Ordinal);
    }

    private static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
