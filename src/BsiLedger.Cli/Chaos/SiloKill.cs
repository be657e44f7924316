namespace BsiLedger.Cli.Chaos;

/// <summary>One SIGKILL: its number in the run, which silo, its process, the wall time, and how long the restart took to answer again.</summary>
public sealed class SiloKill(int number, int silo, int processId, DateTimeOffset at)
{
    public int Number => number;

    public int Silo => silo;

    public int ProcessId => processId;

    public DateTimeOffset At => at;

    public TimeSpan? BackAfter { get; set; }
}
