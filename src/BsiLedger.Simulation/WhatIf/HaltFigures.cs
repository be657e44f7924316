using BsiLedger.Domain.Releases;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>The automatic halt, with the figures <c>RolloutHalted</c> records.</summary>
public sealed record HaltFigures(int Wave, int Attempts, int Failures, double Rate, double Threshold, DateTimeOffset At)
{
    public static HaltFigures? Of(HaltRecord? halt) =>
        halt is null ? null : new(halt.Wave, halt.Attempts, halt.Failures, halt.FailureRate, halt.Threshold, halt.At);
}
