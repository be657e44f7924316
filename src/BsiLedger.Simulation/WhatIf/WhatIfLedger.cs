namespace BsiLedger.Simulation.WhatIf;

/// <summary>Where a replay's devices' answers come from.</summary>
public enum WhatIfLedger
{
    /// <summary>The model and seed of the simulation that wrote the ledger: every device, offered or not.</summary>
    Simulation,

    /// <summary>What each device did after the actual offer; a device never offered is unknown.</summary>
    Live,
}
