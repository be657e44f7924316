using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Releases.Reports;
using BsiLedger.Simulation.Reports;
using BsiLedger.Simulation.WhatIf;

namespace BsiLedger.Simulation.Tests.Reports;

/// <summary>
/// A built-in run as <c>bsi simulate</c> reports it: iOS halts in its third wave, macOS 26.3.2 is recalled at T+60h
/// during its second wave and completes at T+65h, iPadOS runs to 100%.
/// </summary>
internal static class SampleReport
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static SimulationReport Create() => new(
        Seed: 42,
        Devices: 2_000,
        OfflineDevices: 220,
        EventsAppended: 4_039,
        WallSeconds: 10.54,
        EventsPerSecond: 383.2,
        PeakWorkingSetBytes: 175L * 1024 * 1024,
        DomainStart: Start,
        DomainEnd: At(120),
        Releases:
        [
            new ReleaseReport("iOS 26.3.1 (a)", "halted",
                [
                    Wave(0, 0.01, 0, 24, 6, 5, 5, 0, new SkippedReport(0, 1, 0, 0)),
                    Wave(1, 0.10, 24, 72, 66, 61, 61, 0, new SkippedReport(1, 4, 0, 0)),
                    Wave(2, 0.50, 72, null, 294, 216, 216, 18, new SkippedReport(9, 22, 0, 29)) with { Halted = true },
                ],
                new HaltReport(At(72), 2, 234, 18, 18 / 234.0, 0.03, Offered: 294, NotOffered: 411), null, null, new BlastRadius(282, 700)),
            new ReleaseReport("iPadOS 26.3.1 (a)", "completed",
                [
                    Wave(0, 0.01, 0, 24, 1, 1, 1, 0, new SkippedReport(0, 0, 0, 0)),
                    Wave(1, 0.10, 24, 72, 39, 36, 36, 0, new SkippedReport(1, 2, 0, 0)),
                    Wave(2, 0.50, 72, 120, 112, 102, 102, 1, new SkippedReport(3, 6, 0, 0)),
                    Wave(3, 1.00, 120, 120, 134, 105, 105, 0, new SkippedReport(11, 2, 0, 16)),
                ],
                null, null, null),
            new ReleaseReport("macOS 26.3.2 (a)", "recalled",
                [
                    Wave(0, 0.01, 0, 24, 10, 10, 10, 0, new SkippedReport(0, 0, 0, 0)),
                    Wave(1, 0.10, 24, null, 44, 32, 32, 0, new SkippedReport(1, 1, 0, 10)),
                ],
                null, new RecallReport("r-1", "Safari fails to load some sign-in pages", At(60), At(65), 52, 49, 0, 3), null),
        ],
        RecallTiming: new RecallTiming("macOS 26.3.2 (a)", 0.27, 12));

    /// <summary>The run with one alternative plan for iOS replayed beside it: judged on its canary alone, it halts in wave 1.</summary>
    public static SimulationReport WithWhatIf() => Create() with
    {
        WhatIf =
        [
            new AlternativeOutcome("iOS 26.3.1 (a)", "canary judged alone",
                new RolloutFigures(new PlanFigures(["1%:1d:5%", "10%:2d:2%", "50%:2d:3%", "100%:1d:3%"], 20), [], new HaltFigures(2, 234, 18, 18 / 234.0, 0.03, At(72)), 282, 18, 0, null, 0, 70.5, null),
                new RolloutFigures(new PlanFigures(["2%:1d:3%", "100%:0h:3%"], 20), [], new HaltFigures(0, 20, 2, 0.1, 0.03, At(10)), 12, 2, 0, null, 0, null, null))
            {
                Curve = [new TimelinePoint(At(2), 5), new TimelinePoint(At(10), 12)],
            },
        ],
    };

    public static DateTimeOffset At(double hours) => Start.AddHours(hours);

    private static WaveReport Wave(int index, double share, double started, double? completed, int targeted, int installed, int applied, int failed, SkippedReport skipped)
    {
        var tally = new WaveTally(targeted, installed, applied, failed, 0, SkipCounts.None);
        return new(index, share, At(started), completed is { } c ? At(c) : null, targeted, installed, applied, failed, 0, tally.Attempts, tally.FailureRate, skipped, false);
    }
}
