using BsiLedger.Simulation.Reports;
using ScottPlot;
using ScottPlot.Plottables;

namespace BsiLedger.Simulation.Tests.Reports;

public sealed class RecallChartTests
{
    [Fact]
    public void The_line_starts_at_the_exposure_when_recalled_and_steps_down_to_the_recalls_completion()
    {
        using var plot = RecallChart.Create(SampleReport.Create(), SampleTimeline.Create());

        var line = Assert.Single(plot.GetPlottables<Scatter>());
        Assert.Equal("macOS 26.3.2 (a): 52 exposed when recalled", line.LegendText);
        Assert.Equal(ConnectStyle.StepHorizontal, line.ConnectStyle);
        Assert.Equal([(60, 52), (60, 11), (61, 5), (65, 0)], line.Data.GetScatterPoints().Select(c => (c.X, c.Y)));
        var completed = Assert.Single(plot.GetPlottables<Marker>());
        Assert.Equal((65, 0, "macOS 26.3.2 (a): recall complete at T+65h"), (completed.X, completed.Y, completed.LegendText));
    }

    [Fact]
    public void An_open_recall_runs_to_the_end_of_the_run_with_its_pending_devices()
    {
        var report = SampleReport.Create();
        var open = report with { Releases = [.. report.Releases.Select(r => r.Recall is { } recall ? r with { Recall = recall with { CompletedAt = null } } : r)] };
        var timeline = SampleTimeline.Create();
        var pending = timeline with { Recalls = [timeline.Recalls[0] with { Remaining = [new TimelinePoint(SampleReport.At(60), 11), new TimelinePoint(SampleReport.At(61), 5)] }] };

        using var plot = RecallChart.Create(open, pending);

        var line = Assert.Single(plot.GetPlottables<Scatter>());
        Assert.Equal([(60, 52), (60, 11), (61, 5), (120, 5)], line.Data.GetScatterPoints().Select(c => (c.X, c.Y)));
        Assert.Empty(plot.GetPlottables<Marker>());
    }

    [Fact]
    public void It_renders_a_png_of_the_report_size()
    {
        using var plot = RecallChart.Create(SampleReport.Create(), SampleTimeline.Create());

        Assert.Equal((1000, 500), PngHeader.Size(plot.GetImageBytes(ReportWriter.ChartWidth, ReportWriter.ChartHeight, ImageFormat.Png)));
    }
}
