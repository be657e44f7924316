using BsiLedger.Simulation.Scenarios;

namespace BsiLedger.Simulation.Reports;

/// <summary>
/// Writes <c>report.md</c> and the charts into the output directory. The markdown holds the report's figures; the
/// charts' curves are read from the run's ledger (<see cref="LedgerTimeline"/>), so they show what was recorded.
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
        using (var chart = AdoptionChart.Create(report, timeline))
        {
            chart.SavePng(adoption, ChartWidth, ChartHeight);
        }

        if (timeline.Recalls.IsEmpty)
        {
            return [markdown, adoption];
        }

        var recall = Path.Combine(directory, ReportFiles.RecallChart);
        using (var chart = RecallChart.Create(report, timeline))
        {
            chart.SavePng(recall, ChartWidth, ChartHeight);
        }

        return [markdown, adoption, recall];
    }
}
