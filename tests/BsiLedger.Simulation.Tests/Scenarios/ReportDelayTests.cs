using BsiLedger.Domain.Devices;
using BsiLedger.Simulation.Fleet;
using BsiLedger.Simulation.Scenarios;

namespace BsiLedger.Simulation.Tests.Scenarios;

public sealed class ReportDelayTests
{
    private static readonly ReportDelay TwoToTen = new(TimeSpan.FromHours(2), TimeSpan.FromHours(10));

    [Fact]
    public void The_distribution_passes_through_its_median_and_its_90th_percentile()
    {
        Assert.Equal(2.0, TwoToTen.At(0.5).TotalHours, 6);
        Assert.Equal(10.0, TwoToTen.At(0.9).TotalHours, 4);
        Assert.True(TwoToTen.At(0.1) < TimeSpan.FromHours(2) && TwoToTen.At(0.1) > TimeSpan.Zero);
    }

    [Fact]
    public void Draws_are_capped_so_a_run_ends_and_a_fixed_delay_is_the_same_for_everyone()
    {
        Assert.Equal(TimeSpan.FromHours(40), TwoToTen.At(0.999999));
        var fixedDelay = new ReportDelay(TimeSpan.FromHours(3), TimeSpan.FromHours(3));
        Assert.Equal([TimeSpan.FromHours(3), TimeSpan.FromHours(3)], [fixedDelay.At(0.01), fixedDelay.At(0.99)]);
        Assert.Equal(TimeSpan.Zero, new ReportDelay(TimeSpan.Zero, TimeSpan.Zero).At(0.7));
    }

    [Fact]
    public void A_simulated_fleet_draws_each_device_s_delay_the_same_way_every_time_and_a_relaunch_applies_in_a_quarter_of_the_time()
    {
        var scenario = BuiltInScenario.Create(devices: 100);
        var (a, b) = (new SimulatedFleet(scenario), new SimulatedFleet(scenario));
        var restart = BuiltInScenario.Halting;
        var relaunch = BuiltInScenario.Recalled;
        var device = SimulatedFleet.IdOf(7);

        Assert.Equal(a.InstallDelay(device, restart), b.InstallDelay(device, restart));
        Assert.NotEqual(a.InstallDelay(device, restart), a.InstallDelay(SimulatedFleet.IdOf(8), restart));
        Assert.Equal(a.ApplyDelay(device, restart) / 4, new SimulatedFleet(scenario with
        {
            Releases = [.. scenario.Releases.Select(r => r.Id == restart ? r with { Activation = Activation.Relaunch } : r)],
        }).ApplyDelay(device, restart));
        Assert.NotEqual(TimeSpan.Zero, a.ApplyDelay(device, relaunch));
    }
}
