using BsiLedger.Simulation.Runs;

namespace BsiLedger.Cli.Simulation;

/// <summary>Progress goes to stderr (stdout is the result): redrawn on a terminal, plain lines anywhere else.</summary>
public static class StandardErrorProgress
{
    public static ISimulationProgress Create() =>
        Console.IsErrorRedirected ? new PlainProgress(Console.Error, TimeSpan.FromSeconds(10)) : new RedrawnProgress(Console.Error);
}
