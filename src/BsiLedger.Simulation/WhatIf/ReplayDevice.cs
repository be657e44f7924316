using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// One device of the release's line as a replay sees it: its cohort position, why a rollout would skip it (null when
/// it would offer it the release), when it is reachable (online always; offline only at its check-ins, the first
/// <see cref="CheckInPhase"/> after the run's start) and its <see cref="DeviceFate"/>.
/// </summary>
public sealed record ReplayDevice(string Id, double Position, OfferOutcome? Skip, TimeSpan? CheckInPhase, DeviceFate Fate)
{
    public bool Offline => CheckInPhase is not null;
}
