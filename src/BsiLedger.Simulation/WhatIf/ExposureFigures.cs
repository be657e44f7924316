namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// For a recalled release: the devices that held it, how many were still holding it at the end, and how long the
/// recall took to reach them (from each device's install to its withdrawal, in hours of domain time).
/// </summary>
public sealed record ExposureFigures(int Devices, int StillHolding, double DeviceHours, double MedianHours, double LongestHours);
