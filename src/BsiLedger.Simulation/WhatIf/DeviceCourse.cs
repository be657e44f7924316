namespace BsiLedger.Simulation.WhatIf;

/// <summary>What happened to one device under a rollout, actual or replayed: each step's domain time, null if it never came.</summary>
public sealed class DeviceCourse(ReplayDevice device, int wave)
{
    public ReplayDevice Device { get; } = device;

    /// <summary>The wave of the plan whose slice holds the device.</summary>
    public int Wave { get; } = wave;

    public DateTimeOffset? OfferedAt { get; set; }

    public DateTimeOffset? InstalledAt { get; set; }

    public DateTimeOffset? AppliedAt { get; set; }

    public DateTimeOffset? FailedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public bool Holds => InstalledAt is not null && WithdrawnAt is null;
}
