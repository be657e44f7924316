namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// One wave's slice at the end of a rollout: the devices an offer went to (targeted), those that installed it, applied
/// it or failed, and those a rollout skips (auto-install off, MDM forbids, off the line).
/// </summary>
public sealed record WaveFigures(int Index, int Targeted, int Installed, int Applied, int Failed, int Skipped);
