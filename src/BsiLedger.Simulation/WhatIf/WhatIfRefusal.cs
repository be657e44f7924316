namespace BsiLedger.Simulation.WhatIf;

/// <summary>Why a release cannot be replayed.</summary>
public enum WhatIfRefusal
{
    /// <summary>The ledger holds no event of it.</summary>
    UnknownRelease,

    /// <summary>Published, perhaps planned, never started: there is no rollout to replay.</summary>
    NeverRolledOut,
}
