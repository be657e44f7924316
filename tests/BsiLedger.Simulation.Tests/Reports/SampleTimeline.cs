using BsiLedger.Simulation.Reports;

namespace BsiLedger.Simulation.Tests.Reports;

/// <summary>Curves matching <see cref="SampleReport"/>: the recalled macOS release drops from 52 devices at T+60h to none at T+65h.</summary>
internal static class SampleTimeline
{
    public static Timeline Create() => new(
        [
            new AdoptionCurve("iOS 26.3.1 (a)", [Point(0, 5), Point(24, 61), Point(72, 277)]),
            new AdoptionCurve("iPadOS 26.3.1 (a)", [Point(0, 1), Point(24, 37), Point(72, 139), Point(120, 244)]),
            new AdoptionCurve("macOS 26.3.2 (a)", [Point(0, 10), Point(24, 42), Point(26, 52), Point(60, 11), Point(61, 5), Point(65, 0)]),
        ],
        [new RecallCurve("macOS 26.3.2 (a)", SampleReport.At(60), 52, [Point(60, 11), Point(61, 5), Point(65, 0)])]);

    private static TimelinePoint Point(double hours, int devices) => new(SampleReport.At(hours), devices);
}
