using System.Diagnostics;
using BsiLedger.Domain;
using BsiLedger.Grains.Fleet;
using BsiLedger.Grains.Tests.Rollouts;
using BsiLedger.Host;
using BsiLedger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BsiLedger.Grains.Tests.Telemetry;

/// <summary>
/// A recall's latency is measured from the stored RecallIssued, so a device that checks in on another silo, after
/// the one that issued the recall has stopped, is still timed from the recall and not from its own silo's start.
/// </summary>
public sealed class RecallLatencyAcrossSilosTests(PostgresFixture postgres) : IDisposable
{
    private readonly MetricReadings _metrics = new();

    [Fact]
    public async Task A_device_withdrawing_on_a_fresh_silo_is_timed_from_the_stored_recall()
    {
        var first = new ScriptedAgent();
        var recalledAt = Stopwatch.StartNew();
        string[] offline;
        TestFleet fleet;
        await using (var silo = await StartAsync(first))
        {
            fleet = TestFleet.NewLine(silo.Services.GetRequiredService<IGrainFactory>());
            var ids = await fleet.EnrollAsync(12);
            await fleet.PublishAndPlanAsync(fleet.Release('a'), TestFleet.Plan(5, (1.0, 24, 0.5)));
            var grain = fleet.ReleaseGrain(fleet.Release('a'));
            await grain.Start(TestFleet.Operator, Provenance.NewCommand());
            offline = ids.Take(4).ToArray();
            foreach (var id in offline)
            {
                first.SetOffline(id, true);
            }

            recalledAt.Restart();
            await grain.Recall("bad patch", TestFleet.Operator, Provenance.NewCommand());
        }

        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await using (var silo = await StartAsync(new ScriptedAgent()))
        {
            var grains = silo.Services.GetRequiredService<IGrainFactory>();
            foreach (var id in offline)
            {
                await grains.GetGrain<Devices.IDeviceGrain>(id).CheckIn(Provenance.NewCommand());
            }
        }

        var name = fleet.Release('a').ToString();
        var latencies = _metrics.Of("bsi.recall.propagation.duration", name);
        Assert.Equal(12, latencies.Count);
        var late = latencies.OrderByDescending(r => r.Value).Take(offline.Length).ToArray();
        Assert.All(late, r => Assert.InRange(r.Value, 2, recalledAt.Elapsed.TotalSeconds + 1));
    }

    public void Dispose() => _metrics.Dispose();

    private async Task<AsyncHost> StartAsync(ScriptedAgent agent)
    {
        var host = await LedgerHost.StartAsync(new LedgerHostOptions(postgres.ConnectionString)
        {
            Telemetry = TelemetryMode.None,
            Agent = agent,
            Fleet = new FleetOptions { Shards = 8, AdvanceEvery = null },
        }, CancellationToken.None);
        return new AsyncHost(host);
    }

    private sealed class AsyncHost(IHost host) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
