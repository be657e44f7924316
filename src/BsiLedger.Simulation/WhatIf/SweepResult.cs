namespace BsiLedger.Simulation.WhatIf;

/// <summary>What <c>bsi whatif RELEASE --sweep … --json</c> prints: the rollout as it happened, and a replay per value.</summary>
public sealed record SweepResult(string Release, string Parameter, RolloutFigures Actual, IReadOnlyList<SweepPoint> Points);
