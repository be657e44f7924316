using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;
using BsiLedger.Simulation.Fleet;
using BsiLedger.Simulation.Scenarios;
using BsiLedger.Simulation.Tests.Scenarios;

namespace BsiLedger.Simulation.Tests.Fleet;

public sealed class SimulatedFleetTests
{
    // Large enough that a share is within a percentage point of its fraction.
    private static int Large => 20_000;

    private static readonly SimulatedFleet Example = new(DesignExample.Scenario.WithOverrides(Large, null));
    private static readonly IReadOnlyList<SimulatedDevice> ExampleDevices = [.. Example.All()];

    [Fact]
    public void Devices_are_numbered_from_one_with_seven_digits()
    {
        var fleet = new SimulatedFleet(DesignExample.Scenario.WithOverrides(3, null));

        Assert.Equal(["sim-0000001", "sim-0000002", "sim-0000003"], fleet.All().Select(d => d.Id));
        Assert.Equal("sim-10000000", SimulatedFleet.IdOf(10_000_000));
        Assert.Equal(2, fleet.IndexOf("sim-0000002"));
        Assert.Throws<ArgumentOutOfRangeException>(() => fleet.Device(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => fleet.Device(4));
    }

    [Theory]
    [InlineData("sim-0000004")]
    [InlineData("sim-0000000")]
    [InlineData("sim-1")]
    [InlineData("sim-00000001")]
    [InlineData("C02X1234")]
    public void An_id_outside_the_fleet_is_refused(string id)
    {
        var fleet = new SimulatedFleet(DesignExample.Scenario.WithOverrides(3, null));

        Assert.Throws<ArgumentException>(() => fleet.IsOffline(id));
        Assert.Throws<ArgumentException>(() => fleet.CheckInPhase(id));
    }

    [Fact]
    public void Every_id_is_a_valid_device_id()
    {
        Assert.True(DeviceIds.IsValid(SimulatedFleet.IdOf(1), out _));
        Assert.True(DeviceIds.IsValid(SimulatedFleet.IdOf(FleetSpec.MaxDevices), out _));
    }

    [Fact]
    public void The_same_scenario_gives_the_same_fleet()
    {
        var again = new SimulatedFleet(DesignExample.Scenario.WithOverrides(Large, null));

        Assert.Equal(ExampleDevices, again.All());
        Assert.Equal(ExampleDevices[4_321], again.Device(4_322));
    }

    [Fact]
    public void Another_seed_gives_another_fleet()
    {
        var other = new SimulatedFleet(DesignExample.Scenario.WithOverrides(Large, 43));

        var differing = ExampleDevices.Zip(other.All()).Count(pair => pair.First != pair.Second);
        Assert.True(differing > Large / 2, $"{differing} of {Large} devices differ");
    }

    [Fact]
    public void The_mix_is_drawn_by_share()
    {
        Assert.All(DesignExample.Scenario.Fleet.Mix, mix => AssertShare(
            mix.Share,
            ExampleDevices.Count(d => d.Platform == mix.Platform && d.Os == mix.Os && d.Model == mix.Model),
            Large));
    }

    [Fact]
    public void Offline_auto_install_off_and_managed_devices_are_drawn_by_their_fractions()
    {
        var spec = DesignExample.Scenario.Fleet;

        AssertShare(spec.Offline, ExampleDevices.Count(d => d.Offline), Large);
        AssertShare(spec.AutoInstallOff, ExampleDevices.Count(d => !d.AutoInstall), Large);
        AssertShare(spec.Managed, ExampleDevices.Count(d => d.Managed), Large);
        var managed = ExampleDevices.Where(d => d.Managed).ToList();
        AssertShare(spec.ManagedForbid, managed.Count(d => d.MdmPolicy == MdmPolicy.Forbid), managed.Count, tolerance: 0.03);
    }

    [Fact]
    public void Only_managed_devices_have_a_management_policy()
    {
        Assert.All(ExampleDevices.Where(d => !d.Managed), d => Assert.Equal(MdmPolicy.None, d.MdmPolicy));
        Assert.All(ExampleDevices.Where(d => d.Managed), d => Assert.NotEqual(MdmPolicy.None, d.MdmPolicy));
    }

    [Fact]
    public void Every_fraction_at_its_extremes_is_all_or_nothing()
    {
        var scenario = DesignExample.Scenario;
        var all = new SimulatedFleet(scenario with { Fleet = scenario.Fleet with { Devices = 1_000, Offline = 1, AutoInstallOff = 1, Managed = 1, ManagedForbid = 1 } });
        var none = new SimulatedFleet(scenario with { Fleet = scenario.Fleet with { Devices = 1_000, Offline = 0, AutoInstallOff = 0, Managed = 0 } });

        Assert.All(all.All(), d => Assert.True(d is { Offline: true, AutoInstall: false, Managed: true, MdmPolicy: MdmPolicy.Forbid }));
        Assert.All(none.All(), d => Assert.True(d is { Offline: false, AutoInstall: true, Managed: false, MdmPolicy: MdmPolicy.None }));
    }

    [Fact]
    public void A_devices_offline_state_and_check_in_phase_can_be_asked_by_id()
    {
        Assert.All(ExampleDevices.Take(2_000), d =>
        {
            Assert.Equal(d.Offline, Example.IsOffline(d.Id));
            Assert.Equal(d.CheckInPhase, Example.CheckInPhase(d.Id));
        });
    }

    [Fact]
    public void Check_in_phases_spread_evenly_over_one_interval()
    {
        var every = DesignExample.Scenario.Fleet.CheckInEvery;

        Assert.All(ExampleDevices, d => Assert.InRange(d.CheckInPhase, TimeSpan.Zero, every - TimeSpan.FromTicks(1)));
        foreach (var quarter in Enumerable.Range(0, 4))
        {
            var count = ExampleDevices.Count(d => d.CheckInPhase >= every * quarter / 4 && d.CheckInPhase < every * (quarter + 1) / 4);
            AssertShare(0.25, count, Large);
        }
    }

    [Fact]
    public void The_bad_model_fails_at_its_rate_and_the_rest_at_the_releases()
    {
        // Five times the large fleet, so the bad model alone has about ten thousand devices.
        var scenario = BuiltInScenario.Create(5 * Large);
        var fleet = new SimulatedFleet(scenario);
        var release = scenario.Releases.Single(r => r.Id == BuiltInScenario.Halting);
        var line = fleet.All().Where(d => d.Platform == release.Id.Platform && d.Os == release.Id.Base).ToList();

        var bad = line.Where(d => d.Model == BuiltInScenario.BadModel).ToList();
        var good = line.Where(d => d.Model != BuiltInScenario.BadModel).ToList();
        AssertShare(release.Failures[0].Rate, bad.Count(d => fleet.FailsInstall(d.Id, d.Model, release.Id)), bad.Count, tolerance: 0.015);
        AssertShare(release.InstallFailureRate, good.Count(d => fleet.FailsInstall(d.Id, d.Model, release.Id)), good.Count, tolerance: 0.005);
    }

    [Fact]
    public void A_failure_is_drawn_once_per_device_and_release()
    {
        var fleet = new SimulatedFleet(BuiltInScenario.Create(Large));
        var devices = fleet.All().Where(d => d.Platform == Platform.iOS).ToList();
        var first = devices.Where(d => fleet.FailsInstall(d.Id, d.Model, BuiltInScenario.Halting)).Select(d => d.Id).ToList();
        var again = devices.Where(d => fleet.FailsInstall(d.Id, d.Model, BuiltInScenario.Halting)).Select(d => d.Id).ToList();
        var otherSeed = new SimulatedFleet(BuiltInScenario.Create(Large, seed: 1));
        var underOtherSeed = devices.Where(d => otherSeed.FailsInstall(d.Id, d.Model, BuiltInScenario.Halting)).Select(d => d.Id).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, underOtherSeed);
    }

    [Fact]
    public void A_release_outside_the_scenario_never_fails() =>
        Assert.DoesNotContain(ExampleDevices, d => Example.FailsInstall(d.Id, d.Model, ReleaseId.Parse("iOS 26.3.1 (z)")));

    [Fact]
    public void A_scenario_that_breaks_a_rule_makes_no_fleet()
    {
        var scenario = DesignExample.Scenario;
        var exception = Assert.Throws<ScenarioException>(() => new SimulatedFleet(scenario with { Fleet = scenario.Fleet with { Offline = 2 } }));
        Assert.Equal("fleet.offline: 2 must be a fraction from 0 to 1", exception.Message);
    }

    private static void AssertShare(double expected, int count, int of, double tolerance = 0.01)
    {
        var share = (double)count / of;
        Assert.True(Math.Abs(share - expected) <= tolerance, $"share {share:0.####} ({count} of {of}) is not within {tolerance} of {expected}");
    }
}
