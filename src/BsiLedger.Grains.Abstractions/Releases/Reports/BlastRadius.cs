namespace BsiLedger.Grains.Releases.Reports;

/// <summary>
/// How far a release got: the devices that installed it (those whose offer went out before a halt and that installed
/// after it included; a recall's gate refuses any install after it), against the devices of its line its plan could
/// have reached.
/// </summary>
public sealed record BlastRadius(int Installed, int Reachable);
