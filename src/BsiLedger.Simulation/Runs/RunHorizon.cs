using BsiLedger.Simulation.Scenarios;

namespace BsiLedger.Simulation.Runs;

/// <summary>How far a run of a scenario may step its clock.</summary>
public static class RunHorizon
{
    /// <summary>
    /// Long enough for every wave to soak, the recall to be issued, every offline device to check in twice after, and
    /// the slowest device to install and apply.
    /// </summary>
    public static TimeSpan Of(Scenario scenario)
    {
        var soaks = scenario.Releases.Max(r => r.Plan.Waves.Aggregate(TimeSpan.Zero, (total, w) => total + w.Soak));
        var recall = scenario.Recall?.At ?? TimeSpan.Zero;
        var fleet = scenario.Fleet;
        var slowest = fleet.Mix.Select(m => (m.InstallDelay ?? fleet.InstallDelay)?.Cap ?? TimeSpan.Zero)
            .Zip(fleet.Mix.Select(m => (m.ApplyDelay ?? fleet.ApplyDelay)?.Cap ?? TimeSpan.Zero), (install, apply) => install + apply)
            .Max();
        return (soaks > recall ? soaks : recall) + 2 * fleet.CheckInEvery + slowest + TimeSpan.FromDays(1);
    }
}
