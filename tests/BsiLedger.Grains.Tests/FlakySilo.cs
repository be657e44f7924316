using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Grains.Fleet;
using BsiLedger.Grains.Tests.Rollouts;
using BsiLedger.Host;
using BsiLedger.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace BsiLedger.Grains.Tests;

/// <summary>
/// One silo on the test database whose journal can drop the connection after a commit (<see cref="CommitThenFailJournal"/>),
/// with scripted devices, a virtual clock and no step timer.
/// </summary>
public sealed class FlakySilo(PostgresFixture postgres) : IAsyncLifetime
{
    public const int Shards = 8;

    private IHost? _host;
    private CommitThenFailJournal? _journal;

    public CommitThenFailJournal Journal => _journal!;

    public ScriptedAgent Agent { get; } = new();

    public IGrainFactory Grains => _host!.Services.GetRequiredService<IGrainFactory>();

    public string ConnectionString => postgres.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        _host = await LedgerHost.StartAsync(new LedgerHostOptions(postgres.ConnectionString)
        {
            Telemetry = TelemetryMode.None,
            Clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero)),
            Agent = Agent,
            Fleet = new FleetOptions { Shards = Shards, AdvanceEvery = null },
            ConfigureServices = services => services.AddSingleton<IEventJournal>(provider =>
                _journal = new CommitThenFailJournal(new MartenEventJournal(provider.GetRequiredService<IDocumentStore>(), new JournalOptions()))),
        }, CancellationToken.None);
        // The journal is made when first asked for: ask now, so a test's first command already finds it.
        _host.Services.GetRequiredService<IEventJournal>();
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
