using BsiLedger.Simulation.Runs;

namespace BsiLedger.Cli.Simulation;

/// <summary>A terminal: one status line redrawn in place every second, milestones printed above it.</summary>
public sealed class RedrawnProgress(TextWriter terminal) : ISimulationProgress
{
    private const string ClearLine = "\r\u001b[2K";
    private readonly Lock _gate = new();
    private string _status = "";

    public void Milestone(string line)
    {
        lock (_gate)
        {
            terminal.Write($"{ClearLine}{line}\n{_status}");
            terminal.Flush();
        }
    }

    public void Update(ProgressUpdate update)
    {
        lock (_gate)
        {
            _status = update.ToString();
            terminal.Write($"{ClearLine}{_status}");
            terminal.Flush();
        }
    }
}
