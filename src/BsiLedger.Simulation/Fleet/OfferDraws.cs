namespace BsiLedger.Simulation.Fleet;

/// <summary>
/// A simulated device's draws for an offer of one release: whether it is offline (and when it first checks in), whether
/// its install fails, and its delays from the offer to its install's outcome and from its install to its apply.
/// </summary>
public sealed record OfferDraws(bool Offline, TimeSpan? CheckInPhase, bool Fails, TimeSpan InstallDelay, TimeSpan ApplyDelay);
