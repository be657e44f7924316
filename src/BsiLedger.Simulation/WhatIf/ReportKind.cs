namespace BsiLedger.Simulation.WhatIf;

/// <summary>What a replayed device reports once its delay is over.</summary>
public enum ReportKind
{
    Installed,
    Applied,
    Failed,
}
