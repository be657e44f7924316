namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// What one device does with an offer of the release, wherever the offer falls in time: its outcome, how long after
/// the offer reaches it the device reports that outcome, and how long after its install it applies the release
/// (null: it never applies). <see cref="AtOnce"/> devices answer the offer itself, as a simulation without delays does,
/// and apply then too when their apply delay is zero.
/// </summary>
public sealed record DeviceFate(InstallFate Outcome, TimeSpan InstallDelay, TimeSpan? ApplyDelay, bool AtOnce)
{
    /// <summary>A device the ledger never saw an offer reach: what it would have done is not known.</summary>
    public static DeviceFate Unknown { get; } = new(InstallFate.Unknown, TimeSpan.Zero, null, false);
}
