namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// What happened to one device under a rollout, actual or replayed: each step's domain time, null if it never came.
/// Kept as UTC ticks (0: never): a replay holds one course per device of the line, a third of a million at a million
/// devices, and ten of them run in a sweep.
/// </summary>
public sealed class DeviceCourse(ReplayDevice device, int wave)
{
    private long _offered;
    private long _installed;
    private long _applied;
    private long _failed;
    private long _withdrawn;

    public ReplayDevice Device { get; } = device;

    /// <summary>The wave of the plan whose slice holds the device.</summary>
    public int Wave { get; } = wave;

    public DateTimeOffset? OfferedAt { get => At(_offered); set => _offered = Ticks(value); }

    public DateTimeOffset? InstalledAt { get => At(_installed); set => _installed = Ticks(value); }

    public DateTimeOffset? AppliedAt { get => At(_applied); set => _applied = Ticks(value); }

    public DateTimeOffset? FailedAt { get => At(_failed); set => _failed = Ticks(value); }

    public DateTimeOffset? WithdrawnAt { get => At(_withdrawn); set => _withdrawn = Ticks(value); }

    public bool Offered => _offered != 0;

    public bool Holds => _installed != 0 && _withdrawn == 0;

    /// <summary>Whether a report of the device is on its way (<see cref="ReplayReports"/>): it has at most one.</summary>
    public bool Reporting { get; set; }

    private static DateTimeOffset? At(long ticks) => ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    private static long Ticks(DateTimeOffset? at) => at?.UtcTicks ?? 0;
}
