using ScottPlot;

namespace BsiLedger.Simulation.Reports;

/// <summary>
/// <c>adoption.png</c>: devices running each release over domain time, as the ledger recorded it, with every wave's
/// start marked on its release's line (and dotted across the chart), halts and recalls marked where they happened, and
/// each what-if alternative's replayed curve dashed in its release's colour.
/// </summary>
public static class AdoptionChart
{
    public static Plot Create(SimulationReport report, Timeline timeline)
    {
        var plot = new Plot();
        plot.Title("Devices running each release");
        plot.XLabel("Hours since the rollout began (domain time)");
        plot.YLabel("Devices with the release applied");
        var top = 1;
        foreach (var release in report.Releases)
        {
            var points = timeline.Adoption.SingleOrDefault(c => c.Release == release.Release)?.Points ?? [];
            var line = StepLine.Add(plot, report.DomainStart, report.DomainEnd, new TimelinePoint(report.DomainStart, 0), points, release.Release);
            top = Math.Max(top, points.Select(p => p.Devices).DefaultIfEmpty(0).Max());
            foreach (var wave in release.Waves)
            {
                plot.Add.Marker(StepLine.Hours(report.DomainStart, wave.StartedAt), StepLine.At(points, wave.StartedAt), MarkerShape.FilledCircle, 8, line.Color);
            }

            if (release.Halted is { } halt)
            {
                var marker = plot.Add.Marker(StepLine.Hours(report.DomainStart, halt.At), StepLine.At(points, halt.At), MarkerShape.Eks, 16, Colors.Black);
                marker.LineWidth = 3;
                marker.LegendText = $"{release.Release} halted in wave {halt.Wave + 1}";
            }

            foreach (var alternative in report.WhatIf?.Where(a => a.Release == release.Release) ?? [])
            {
                var replayed = StepLine.Add(plot, report.DomainStart, report.DomainEnd, new TimelinePoint(report.DomainStart, 0), alternative.Curve,
                    $"{release.Release}, what if: {alternative.Name}");
                replayed.Color = line.Color;
                replayed.LinePattern = LinePattern.Dashed;
                top = Math.Max(top, alternative.Curve.Select(p => p.Devices).DefaultIfEmpty(0).Max());
            }

            if (release.Recall is { } recall)
            {
                var issued = plot.Add.VerticalLine(StepLine.Hours(report.DomainStart, recall.IssuedAt), 2, Colors.Purple, LinePattern.Dashed);
                issued.LegendText = $"{release.Release} recalled";
            }
        }

        var waveStarts = report.Releases.SelectMany(r => r.Waves).Select(w => StepLine.Hours(report.DomainStart, w.StartedAt)).Distinct().Order().ToList();
        for (var i = 0; i < waveStarts.Count; i++)
        {
            var boundary = plot.Add.VerticalLine(waveStarts[i], 1, Colors.Gray, LinePattern.Dotted);
            boundary.LegendText = i == 0 ? "wave starts (dots on each line)" : "";
        }

        plot.Axes.SetLimitsY(0, top * 1.1);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
