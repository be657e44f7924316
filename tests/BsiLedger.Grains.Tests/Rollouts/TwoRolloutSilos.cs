using BsiLedger.Grains.Fleet;
using BsiLedger.Host;
using BsiLedger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace BsiLedger.Grains.Tests.Rollouts;

/// <summary>
/// Two independent silos (two clusters, as two processes would be) on one database, with a virtual domain clock and
/// no step timer. The first offers one device at a time through a <see cref="PausingAgent"/>, so a wave can be held
/// part-way; the second fans out as a silo normally does, to devices that answer at once.
/// </summary>
public sealed class TwoRolloutSilos(PostgresFixture postgres) : IAsyncLifetime
{
    private IHost? _first;
    private IHost? _second;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));

    public PausingAgent FirstAgent { get; } = new();

    public IGrainFactory First => _first!.Services.GetRequiredService<IGrainFactory>();

    public IGrainFactory Second => _second!.Services.GetRequiredService<IGrainFactory>();

    public string ConnectionString => postgres.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        _first = Build(FirstAgent, new FleetOptions { Shards = 1, DeviceConcurrency = 1, AdvanceEvery = null });
        _second = Build(new ScriptedAgent(), new FleetOptions { Shards = 64, AdvanceEvery = null });
        await _first.StartAsync();
        await _second.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        FirstAgent.Resume();
        foreach (var host in new[] { _first, _second }.OfType<IHost>())
        {
            await host.StopAsync();
            host.Dispose();
        }

        FirstAgent.Dispose();
    }

    private IHost Build(Grains.Agents.IDeviceAgent agent, FleetOptions fleet) =>
        LedgerHost.Build(new LedgerHostOptions(postgres.ConnectionString)
        {
            Telemetry = TelemetryMode.None,
            Clock = Clock,
            Agent = agent,
            Fleet = fleet,
        });
}
