using System.Net;
using System.Net.Sockets;
using BsiLedger.Host;
using BsiLedger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace BsiLedger.Grains.Tests.Hosting;

/// <summary>
/// A private silo's ports are picked free a moment before it binds them; another process can take one in that moment.
/// The tests take it on purpose: they hand the silo's first build a port a listener of theirs holds.
/// </summary>
public sealed class PrivateSiloPortTests(PostgresFixture postgres) : IDisposable
{
    private readonly TcpListener _squatter = new(IPAddress.Loopback, 0);

    private int _builds;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int Taken => ((IPEndPoint)_squatter.LocalEndpoint).Port;

    [Fact]
    public async Task A_silo_that_lost_its_gateway_port_starts_again_on_new_ports()
    {
        _squatter.Start();

        using var host = await LedgerHost.StartAsync(Options(buildsOnTakenPort: 1), Ct);
        try
        {
            Assert.Equal(2, _builds);
            Assert.NotEqual(Taken, host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value.GatewayPort);
            var management = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            Assert.Single(await management.GetHosts(onlyActive: true, Ct));
        }
        finally
        {
            await host.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task A_silo_that_keeps_losing_its_port_fails_after_its_attempts_and_says_why()
    {
        _squatter.Start();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LedgerHost.StartAsync(Options(buildsOnTakenPort: int.MaxValue), Ct));

        Assert.True(PortTaken.Caused(failure), failure.ToString());
        Assert.Equal(LedgerHost.PortAttempts, _builds);
    }

    public void Dispose() => _squatter.Dispose();

    private LedgerHostOptions Options(int buildsOnTakenPort) => new(postgres.ConnectionString)
    {
        Telemetry = TelemetryMode.None,
        ConfigureSilo = silo =>
        {
            if (Interlocked.Increment(ref _builds) <= buildsOnTakenPort)
            {
                silo.Configure<EndpointOptions>(endpoints => endpoints.GatewayPort = Taken);
            }
        },
    };
}
