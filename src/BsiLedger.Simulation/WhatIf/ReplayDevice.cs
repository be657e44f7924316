using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// One device of the release's line as a replay sees it: its cohort position, why a rollout would skip it (null when
/// it would offer it the release) and its <see cref="DeviceBehaviour"/>. A drawn behaviour is drawn the first time a
/// replay offers the device the release, and kept: most of a line is never offered it, and a draw costs six hashes.
/// </summary>
public sealed class ReplayDevice
{
    private readonly Func<ReplayDevice, DeviceBehaviour>? _draw;
    private DeviceBehaviour? _behaviour;

    public ReplayDevice(string id, double position, OfferOutcome? skip, DeviceBehaviour behaviour)
    {
        (Id, Position, Skip, _behaviour) = (id, position, skip, behaviour);
    }

    /// <param name="draw">Deterministic: replays running side by side may both draw a device, and either result is kept.</param>
    public ReplayDevice(string id, double position, OfferOutcome? skip, Func<ReplayDevice, DeviceBehaviour> draw)
    {
        (Id, Position, Skip, _draw) = (id, position, skip, draw);
    }

    public string Id { get; }

    public double Position { get; }

    public OfferOutcome? Skip { get; }

    public DeviceBehaviour Behaviour => Volatile.Read(ref _behaviour) ?? Drawn();

    private DeviceBehaviour Drawn()
    {
        var drawn = _draw!(this);
        return Interlocked.CompareExchange(ref _behaviour, drawn, null) ?? drawn;
    }
}
