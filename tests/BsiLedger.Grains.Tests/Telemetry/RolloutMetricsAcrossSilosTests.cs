using BsiLedger.Domain;
using BsiLedger.Grains.Releases;
using BsiLedger.Grains.Tests.Rollouts;

namespace BsiLedger.Grains.Tests.Telemetry;

/// <summary>Two silos on one ledger, each with an activation of the same release: their metrics stay apart.</summary>
public sealed class RolloutMetricsAcrossSilosTests(TwoRolloutSilos silos) : IClassFixture<TwoRolloutSilos>, IDisposable
{
    private readonly MetricReadings _metrics = new();

    [Fact]
    public async Task Each_silo_reports_its_own_series_so_a_sum_over_silos_counts_each_install_once()
    {
        var fleet = TestFleet.NewLine(silos.First);
        await fleet.EnrollAsync(20);
        var release = fleet.Release('a');
        var name = release.ToString();
        await fleet.PublishAndPlanAsync(release, TestFleet.Plan(10, (1.0, 24, 0.5)));

        await silos.Second.GetGrain<IReleaseGrain>(name).Start(TestFleet.Operator, Provenance.NewCommand());
        // The first silo's activation reads the same wave from the ledger and posts it too.
        await silos.First.GetGrain<IReleaseGrain>(name).Status();

        _metrics.Observe("bsi.wave.failure_rate", name);
        var gaugeSilos = _metrics.Of("bsi.wave.failure_rate", name).Select(r => (string?)r.Tags["bsi.silo"]).Distinct().ToArray();
        Assert.Equal(2, gaugeSilos.Length);
        var installs = _metrics.Of("bsi.device.installs", name);
        Assert.Equal(20, installs.Sum(r => r.Value));
        var installSilo = Assert.Single(installs.Select(r => (string?)r.Tags["bsi.silo"]).Distinct());
        Assert.Contains(installSilo, gaugeSilos);
    }

    public void Dispose() => _metrics.Dispose();
}
