using BsiLedger.Simulation.Reports;
using ScottPlot;
using ScottPlot.Plottables;

namespace BsiLedger.Simulation.Tests.Reports;

public sealed class AdoptionChartTests
{
    private static readonly SimulationReport Report = SampleReport.Create();

    [Fact]
    public void Each_release_is_one_line_from_none_at_the_start_through_its_hours_held_to_the_end()
    {
        using var plot = AdoptionChart.Create(Report, SampleTimeline.Create());

        var lines = plot.GetPlottables<Scatter>().ToList();
        Assert.Equal(Report.Releases.Select(r => r.Release), lines.Select(l => l.LegendText));
        Assert.All(lines, l => Assert.Equal(ConnectStyle.StepHorizontal, l.ConnectStyle));
        Assert.Equal([(0, 0), (0, 5), (24, 61), (72, 277), (120, 277)], Points(lines[0]));
        Assert.Equal([(0, 0), (0, 1), (24, 37), (72, 139), (120, 244)], Points(lines[1]));
    }

    [Fact]
    public void Every_wave_start_is_a_dot_on_its_release_line_and_a_dotted_line_across()
    {
        using var plot = AdoptionChart.Create(Report, SampleTimeline.Create());

        var ios = plot.GetPlottables<Scatter>().First();
        var dots = plot.GetPlottables<Marker>().Where(m => m.MarkerShape == MarkerShape.FilledCircle && m.Color == ios.Color);
        Assert.Equal([(0, 5), (24, 61), (72, 277)], dots.Select(m => (m.X, m.Y)));
        var boundaries = plot.GetPlottables<VerticalLine>().Where(v => v.LinePattern.Equals(LinePattern.Dotted));
        Assert.Equal([0, 24, 72, 120], boundaries.Select(v => v.X));
    }

    [Fact]
    public void The_halt_is_marked_where_its_release_stood_and_named_in_the_legend()
    {
        using var plot = AdoptionChart.Create(Report, SampleTimeline.Create());

        var halt = Assert.Single(plot.GetPlottables<Marker>(), m => m.MarkerShape == MarkerShape.Eks);
        Assert.Equal((72, 277), (halt.X, halt.Y));
        Assert.Equal("iOS 26.3.1 (a) halted in wave 3", halt.LegendText);
    }

    [Fact]
    public void The_recall_is_a_dashed_line_where_it_was_issued()
    {
        using var plot = AdoptionChart.Create(Report, SampleTimeline.Create());

        var recall = Assert.Single(plot.GetPlottables<VerticalLine>(), v => v.LinePattern.Equals(LinePattern.Dashed));
        Assert.Equal((60, "macOS 26.3.2 (a) recalled"), (recall.X, recall.LegendText));
    }

    [Fact]
    public void It_renders_a_png_of_the_report_size()
    {
        using var plot = AdoptionChart.Create(Report, SampleTimeline.Create());

        var png = plot.GetImageBytes(ReportWriter.ChartWidth, ReportWriter.ChartHeight, ImageFormat.Png);

        Assert.Equal((1000, 500), PngHeader.Size(png));
    }

    private static (double X, double Y)[] Points(Scatter line) => [.. line.Data.GetScatterPoints().Select(c => (c.X, c.Y))];
}
