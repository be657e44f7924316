namespace BsiLedger.Simulation.Runs;

/// <summary>Where a run says how far it is: milestones once (a wave began, the recall went out), updates every second.</summary>
public interface ISimulationProgress
{
    void Milestone(string line);

    void Update(ProgressUpdate update);
}
