using System.Globalization;
using ScottPlot;

namespace BsiLedger.Simulation.Reports;

/// <summary>
/// <c>recall.png</c>: for each recall, the exposed devices still running the release over domain time. The line
/// starts at the exposure when the recall was issued, drops at once by the reachable devices withdrawn, then step
/// by step as offline devices withdraw at their check-ins (or an OS update settles them), until the recall
/// completes (marked at its end).
/// </summary>
public static class RecallChart
{
    public static Plot Create(SimulationReport report, Timeline timeline)
    {
        var plot = new Plot();
        plot.Title("Exposed devices still running a recalled release");
        plot.XLabel("Hours since the rollout began (domain time)");
        plot.YLabel("Devices still running it");
        foreach (var recall in timeline.Recalls)
        {
            var completed = report.Releases.SingleOrDefault(r => r.Release == recall.Release)?.Recall?.CompletedAt;
            var line = StepLine.Add(plot, report.DomainStart, completed ?? report.DomainEnd, new TimelinePoint(recall.IssuedAt, recall.Exposed), recall.Remaining,
                string.Create(CultureInfo.InvariantCulture, $"{recall.Release}: {recall.Exposed:N0} exposed when recalled"));
            if (completed is { } done)
            {
                var marker = plot.Add.Marker(StepLine.Hours(report.DomainStart, done), StepLine.At(recall.Remaining, done), MarkerShape.FilledDiamond, 12, line.Color);
                marker.LegendText = string.Create(CultureInfo.InvariantCulture, $"{recall.Release}: recall complete at T+{StepLine.Hours(report.DomainStart, done):0.#}h");
            }
        }

        plot.Axes.SetLimitsY(0, Math.Max(1, timeline.Recalls.Select(r => r.Exposed).DefaultIfEmpty(0).Max()) * 1.1);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
