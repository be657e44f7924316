using ScottPlot;
using ScottPlot.Plottables;

namespace BsiLedger.Simulation.Reports;

/// <summary>A curve of device counts drawn on hours since the rollout began: each count holds until the next one.</summary>
internal static class StepLine
{
    /// <summary>Draws <paramref name="from"/>, then every point, then the last count held until <paramref name="end"/> if that is later.</summary>
    public static Scatter Add(Plot plot, DateTimeOffset start, DateTimeOffset end, TimelinePoint from, IEnumerable<TimelinePoint> points, string legend)
    {
        var steps = points.Prepend(from).ToList();
        if (end > steps[^1].At)
        {
            steps.Add(steps[^1] with { At = end });
        }

        var line = plot.Add.ScatterLine(steps.Select(p => Hours(start, p.At)).ToArray(), steps.Select(p => (double)p.Devices).ToArray());
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 2;
        line.LegendText = legend;
        return line;
    }

    public static double Hours(DateTimeOffset start, DateTimeOffset at) => (at - start).TotalHours;

    /// <summary>The count a curve shows at <paramref name="at"/>: none before its first point.</summary>
    public static int At(IEnumerable<TimelinePoint> points, DateTimeOffset at) =>
        points.LastOrDefault(p => p.At <= at).Devices;
}
