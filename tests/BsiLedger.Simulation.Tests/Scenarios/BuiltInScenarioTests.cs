using BsiLedger.Domain;
using BsiLedger.Domain.Releases;
using BsiLedger.Simulation.Scenarios;

namespace BsiLedger.Simulation.Tests.Scenarios;

public sealed class BuiltInScenarioTests
{
    [Theory]
    [InlineData(10_000, 42)]
    [InlineData(1, 0)]
    [InlineData(1_000_000, -7)]
    [InlineData(FleetSpec.MaxDevices, int.MaxValue)]
    public void The_built_in_scenario_passes_the_checks_a_scenario_file_passes(int devices, int seed)
    {
        var scenario = BuiltInScenario.Create(devices, seed);

        Assert.Null(scenario.Problem());
        Assert.Equal((devices, seed), (scenario.Fleet.Devices, scenario.Seed));
    }

    [Fact]
    public void The_default_is_ten_thousand_devices_with_seed_42() =>
        Assert.Equal((10_000, 42), (BuiltInScenario.Create().Fleet.Devices, BuiltInScenario.Create().Seed));

    [Fact]
    public void It_rolls_out_one_release_per_product_line_in_four_waves()
    {
        var scenario = BuiltInScenario.Create();

        var lines = scenario.Fleet.Mix.Select(m => ProductLine.Of(m.Platform, m.Os)).Distinct().Order();
        Assert.Equal(lines, scenario.Releases.Select(r => ProductLine.Of(r.Id)).Order());
        Assert.Contains(scenario.Fleet.Mix, m => m.Platform == Platform.macOS && m.Os == OsVersion.Parse("26.2"));
        Assert.All(scenario.Releases, r => Assert.Equal([0.01, 0.10, 0.50, 1.00], r.Plan.Waves.Select(w => w.Share)));
    }

    [Fact]
    public void One_model_fails_far_more_often_than_the_fleet_does()
    {
        var scenario = BuiltInScenario.Create();

        var halting = Assert.Single(scenario.Releases, r => !r.Failures.IsEmpty);
        Assert.Equal(BuiltInScenario.Halting, halting.Id);
        var bad = Assert.Single(halting.Failures);
        Assert.Equal(BuiltInScenario.BadModel, bad.Model);
        Assert.True(bad.Rate >= 10 * halting.InstallFailureRate);
        Assert.True(bad.Rate > 2 * halting.Plan.Waves.Max(w => w.FailureThreshold));

        // About 2% of all installs fail: each kind of device at its rate for the release of its line.
        var overall = scenario.Fleet.Mix.Sum(m =>
        {
            var release = scenario.Releases.Single(r => r.Id.Platform == m.Platform && r.Id.Base == m.Os);
            return m.Share * (release.Failures.FirstOrDefault(f => f.Model == m.Model)?.Rate ?? release.InstallFailureRate);
        });
        Assert.InRange(overall, 0.015, 0.03);
    }

    [Fact]
    public void Another_release_is_recalled_in_the_middle_of_its_rollout()
    {
        var scenario = BuiltInScenario.Create();

        var recall = Assert.IsType<RecallSpec>(scenario.Recall);
        Assert.Equal(BuiltInScenario.Recalled, recall.Release);
        Assert.NotEqual(BuiltInScenario.Halting, recall.Release);
        var waves = scenario.Releases.Single(r => r.Id == recall.Release).Plan.Waves;
        Assert.InRange(recall.At, waves[0].Soak, waves[0].Soak + waves[1].Soak);
    }

    [Fact]
    public void The_minimum_sample_grows_with_the_fleet()
    {
        Assert.Equal(100, BuiltInScenario.Create(10_000).Releases[0].Plan.MinSample);
        Assert.Equal(1_000, BuiltInScenario.Create(1_000_000).Releases[0].Plan.MinSample);
        Assert.Equal(20, BuiltInScenario.Create(100).Releases[0].Plan.MinSample);
    }

    [Fact]
    public void A_fleet_size_out_of_range_is_refused_as_the_option() =>
        Assert.Equal("--devices: 0 must be from 1 to 10,000,000 devices", Assert.Throws<ScenarioException>(() => BuiltInScenario.Create(0)).Message);
}
