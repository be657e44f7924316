using BsiLedger.Simulation.Scenarios;

namespace BsiLedger.Simulation.Tests.Scenarios;

public sealed class OverrideTests
{
    [Fact]
    public void Devices_and_seed_replace_the_files()
    {
        var scenario = DesignExample.Scenario.WithOverrides(devices: 500, seed: 7);

        Assert.Equal((500, 7), (scenario.Fleet.Devices, scenario.Seed));
        Assert.Equal(DesignExample.Scenario.Fleet.Mix, scenario.Fleet.Mix);
        Assert.Null(scenario.Problem());
    }

    [Fact]
    public void No_override_keeps_the_file_as_it_is()
    {
        var original = DesignExample.Scenario;
        var scenario = original.WithOverrides(null, null);

        Assert.Equal((original.Fleet.Devices, original.Seed), (scenario.Fleet.Devices, scenario.Seed));
        Assert.Same(original.Fleet, scenario.Fleet);
    }

    [Fact]
    public void The_built_in_scenario_is_overridable_too() =>
        Assert.Equal(123, BuiltInScenario.Create().WithOverrides(null, 123).Seed);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(FleetSpec.MaxDevices + 1)]
    public void A_fleet_size_out_of_range_names_the_option(int devices) =>
        Assert.Equal(
            $"--devices: {devices} must be from 1 to 10,000,000 devices",
            Assert.Throws<ScenarioException>(() => DesignExample.Scenario.WithOverrides(devices, null)).Message);
}
