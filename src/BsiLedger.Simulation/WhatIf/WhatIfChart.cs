using ScottPlot;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// <c>whatif.png</c>: what each value of a sweep costs against what it buys. Failed installs and exposed devices (or,
/// for a release never recalled, devices that installed it) against the hours to 90% adoption, one point per value;
/// a value whose rollout never reached 90% (it halted) stands at the right edge, marked "never".
/// </summary>
public static class WhatIfChart
{
    public static Plot Create(SweepResult sweep)
    {
        var plot = new Plot();
        plot.Title($"{sweep.Release}: {sweep.Parameter} swept");
        plot.XLabel("Hours to 90% of the eligible fleet (domain time)");
        plot.YLabel("Devices");
        var reached = sweep.Points.Select(p => p.Replay.TimeTo90).OfType<double>().DefaultIfEmpty(1).Max();
        var never = reached * 1.15;
        var recalled = sweep.Actual.Exposure is not null || sweep.Points.Any(p => p.Replay.Exposure is not null);
        Series(plot, sweep, p => p.Replay.Failed, "failed installs", Colors.Red, never);
        Series(plot, sweep, p => recalled ? p.Replay.Exposed : p.Replay.Installed, recalled ? "exposed devices (held it when recalled)" : "devices that installed it", Colors.Blue, never);
        if (sweep.Points.Any(p => p.Replay.TimeTo90 is null))
        {
            var edge = plot.Add.VerticalLine(never, 1, Colors.Gray, LinePattern.Dotted);
            edge.LegendText = "never reached 90% (halted or recalled first)";
        }

        var top = sweep.Points.Max(p => Math.Max(p.Replay.Failed, recalled ? p.Replay.Exposed : p.Replay.Installed));
        plot.Axes.SetLimits(0, never * 1.1, 0, Math.Max(1, top) * 1.15);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static void Series(Plot plot, SweepResult sweep, Func<SweepPoint, int> devices, string legend, Color color, double never)
    {
        var xs = sweep.Points.Select(p => p.Replay.TimeTo90 ?? never).ToArray();
        var ys = sweep.Points.Select(p => (double)devices(p)).ToArray();
        var series = plot.Add.ScatterPoints(xs, ys, color);
        series.MarkerSize = 9;
        series.LegendText = legend;
        for (var i = 0; i < xs.Length; i++)
        {
            var label = plot.Add.Text(sweep.Points[i].Label, xs[i], ys[i]);
            label.LabelFontSize = 11;
            label.LabelFontColor = color;
            label.OffsetX = 6;
        }
    }
}
