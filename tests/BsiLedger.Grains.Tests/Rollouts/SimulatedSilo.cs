using BsiLedger.Grains.Fleet;
using BsiLedger.Host;
using BsiLedger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace BsiLedger.Grains.Tests.Rollouts;

/// <summary>One silo on the test database with a virtual domain clock and scripted devices; no step timer.</summary>
public sealed class SimulatedSilo(PostgresFixture postgres) : IAsyncLifetime
{
    private IHost? _host;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));

    public ScriptedAgent Agent { get; } = new();

    public IGrainFactory Grains => _host!.Services.GetRequiredService<IGrainFactory>();

    public string ConnectionString => postgres.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        _host = await LedgerHost.StartAsync(new LedgerHostOptions(postgres.ConnectionString)
        {
            Telemetry = TelemetryMode.None,
            Clock = Clock,
            Agent = Agent,
            Fleet = new FleetOptions { Shards = 64, AdvanceEvery = null },
        }, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}
