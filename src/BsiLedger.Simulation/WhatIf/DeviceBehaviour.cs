namespace BsiLedger.Simulation.WhatIf;

/// <summary>How a device answers a rollout: when it can be reached (always when <see cref="CheckInPhase"/> is null; otherwise only at its check-ins, the first that long after the run's start) and what it does with an offer.</summary>
public sealed record DeviceBehaviour(TimeSpan? CheckInPhase, DeviceFate Fate)
{
    public bool Offline => CheckInPhase is not null;
}
