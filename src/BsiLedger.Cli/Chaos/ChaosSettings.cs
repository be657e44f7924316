namespace BsiLedger.Cli.Chaos;

/// <summary>What <c>bsi chaos</c> was asked to do.</summary>
/// <param name="Duration">How long the rollout runs under kills, from the first release's publication; enrolment comes before it.</param>
public sealed record ChaosSettings(int Silos, int Devices, TimeSpan KillEvery, TimeSpan Duration, int Seed, string Out)
{
    public const string ClusterId = "chaos";

    /// <summary>
    /// Each wave's soak, in wall time: a quarter of the run, so the second wave starts about a quarter in and the recall
    /// lands in the middle of it, leaving half the run for the fix's rollout.
    /// </summary>
    public TimeSpan Soak => TimeSpan.FromSeconds(Math.Max(5, Math.Round(Duration.TotalSeconds / 4)));

    /// <summary>The share of devices whose install fails: a few, well below every wave's threshold, so nothing halts.</summary>
    public const double FailingShare = 0.02;

    public const double FailureThreshold = 0.10;
}
