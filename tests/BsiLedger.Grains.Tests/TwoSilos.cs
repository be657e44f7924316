using BsiLedger.Host;
using BsiLedger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BsiLedger.Grains.Tests;

/// <summary>
/// Two independent silos (two clusters, as two processes would be) on one database: each keeps its own
/// activation of a device, so their writes to that device's stream race for real.
/// </summary>
public sealed class TwoSilos(PostgresFixture postgres) : IAsyncLifetime
{
    private IHost? _first;
    private IHost? _second;

    public IGrainFactory First => _first!.Services.GetRequiredService<IGrainFactory>();

    public IGrainFactory Second => _second!.Services.GetRequiredService<IGrainFactory>();

    public string ConnectionString => postgres.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        _first = await StartSiloAsync();
        _second = await StartSiloAsync();
    }

    /// <summary>A fresh silo on the same database: nothing cached, everything rebuilt from the streams.</summary>
    public Task<IHost> StartThirdAsync() => StartSiloAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { _first, _second }.OfType<IHost>())
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    private Task<IHost> StartSiloAsync() =>
        LedgerHost.StartAsync(new LedgerHostOptions(postgres.ConnectionString) { Telemetry = TelemetryMode.None }, CancellationToken.None);
}
