namespace BsiLedger.Simulation.WhatIf;

/// <summary>What <c>bsi whatif RELEASE --json</c> prints: the rollout as it happened and as the replayed plan would have had it.</summary>
public sealed record WhatIfResult(string Release, WhatIfLedger Ledger, RolloutFigures Actual, RolloutFigures Replay);
