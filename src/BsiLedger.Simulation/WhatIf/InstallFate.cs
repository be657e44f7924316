namespace BsiLedger.Simulation.WhatIf;

/// <summary>How a device's install of the release ends.</summary>
public enum InstallFate
{
    Installs,
    Fails,

    /// <summary>Offered, and never reported back.</summary>
    Silent,

    /// <summary>Never offered by the actual rollout, on a ledger that holds no model to draw its outcome from.</summary>
    Unknown,
}
