using BsiLedger.Simulation.Scenarios;

namespace BsiLedger.Simulation.Reports;

/// <summary>
/// Writes <c>report.md</c>, <c>report.html</c> and the charts into the output directory. The markdown and the page
/// hold the report's figures; the charts' curves are read from the run's ledger (<see cref="LedgerTimeline"/>), so
/// they show what was recorded. Each chart is drawn once, into its PNG and into the page as SVG.
/// </summary>
public static class ReportWriter
{
    public const int ChartWidth = 1000;
    public const int ChartHeight = 500;

    /// <summary>Writes the files and returns their paths; <c>recall.png</c> only when the ledger holds a recall.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        Scenario scenario, SimulationReport report, string connectionString, string directory, CancellationToken cancellationToken)
    {
        var timeline = await new LedgerTimeline(connectionString).ReadAsync(cancellationToken);
        var markdown = Path.Combine(directory, ReportFiles.Markdown);
        await File.WriteAllTextAsync(markdown, ReportMarkdown.Render(scenario, report), cancellationToken);

        var adoption = Path.Combine(directory, ReportFiles.AdoptionChart);
        string adoptionSvg;
        using (var chart = AdoptionChart.Create(report, timeline))
        {
            chart.SavePng(adoption, ChartWidth, ChartHeight);
            adoptionSvg = ChartSvg.Inline(chart, InlineCharts.AdoptionId);
        }

        string? recall = null, recallSvg = null;
        if (!timeline.Recalls.IsEmpty)
        {
            recall = Path.Combine(directory, ReportFiles.RecallChart);
            using var chart = RecallChart.Create(report, timeline);
            chart.SavePng(recall, ChartWidth, ChartHeight);
            recallSvg = ChartSvg.Inline(chart, InlineCharts.RecallId);
        }

        var html = Path.Combine(directory, ReportFiles.Html);
        await File.WriteAllTextAsync(html, ReportHtml.Render(scenario, report, new InlineCharts(adoptionSvg, recallSvg)), cancellationToken);
        return recall is null ? [markdown, html, adoption] : [markdown, html, adoption, recall];
    }
}
