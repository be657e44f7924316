namespace BsiLedger.Simulation.Runs;

/// <summary>Progress nobody watches (tests, embedding callers).</summary>
public sealed class SilentProgress : ISimulationProgress
{
    public void Milestone(string line)
    {
    }

    public void Update(ProgressUpdate update)
    {
    }
}
