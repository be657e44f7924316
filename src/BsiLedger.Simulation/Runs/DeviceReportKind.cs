namespace BsiLedger.Simulation.Runs;

/// <summary>What a simulated device reports when its delay is over.</summary>
public enum DeviceReportKind
{
    Installed,
    InstallFailed,
    Applied,
}
