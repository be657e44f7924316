namespace BsiLedger.Simulation.WhatIf;

/// <summary>One value of a sweep (a fraction for a threshold or a share, a count for a minimum sample) and its replay.</summary>
public sealed record SweepPoint(double Value, string Label, RolloutFigures Replay);
