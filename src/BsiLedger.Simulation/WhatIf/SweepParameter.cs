namespace BsiLedger.Simulation.WhatIf;

/// <summary>What a sweep varies, named as <c>--sweep</c> names it.</summary>
public enum SweepParameter
{
    /// <summary><c>threshold</c>: every wave's failure threshold.</summary>
    Threshold,

    /// <summary><c>min-sample</c>: the install attempts a wave needs before it can halt.</summary>
    MinSample,

    /// <summary><c>share1</c>: the first wave's share of the eligible fleet.</summary>
    Share1,
}
