using BsiLedger.Simulation.Reports;
using BsiLedger.Simulation.Scenarios;
using BsiLedger.Testing;

namespace BsiLedger.Simulation.Tests.Reports;

public sealed class ReportWriterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task It_writes_the_markdown_the_page_and_both_charts_read_from_the_ledger()
    {
        var directory = Directory.CreateTempSubdirectory("bsi-report-").FullName;
        var connection = await HandMadeLedger.CreateAsync(postgres);

        var written = await ReportWriter.WriteAsync(BuiltInScenario.Create(devices: 2_000), SampleReport.Create(), connection, directory, TestContext.Current.CancellationToken);

        Assert.Equal(["report.md", "report.html", "adoption.png", "recall.png"], written.Select(Path.GetFileName));
        Assert.Equal(ReportMarkdown.Render(BuiltInScenario.Create(devices: 2_000), SampleReport.Create()), await File.ReadAllTextAsync(written[0], TestContext.Current.CancellationToken));
        var html = await File.ReadAllTextAsync(written[1], TestContext.Current.CancellationToken);
        Assert.Contains($"<svg id=\"{InlineCharts.AdoptionId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<svg id=\"{InlineCharts.RecallId}\"", html, StringComparison.Ordinal);
        foreach (var chart in written.Skip(2))
        {
            Assert.Equal((1000, 500), PngHeader.Size(await File.ReadAllBytesAsync(chart, TestContext.Current.CancellationToken)));
        }
    }

    [Fact]
    public async Task Without_a_recall_in_the_ledger_there_is_no_recall_chart()
    {
        var directory = Directory.CreateTempSubdirectory("bsi-report-").FullName;
        var connection = await HandMadeLedger.CreateAsync(postgres, recall: false);
        var report = SampleReport.Create();
        var noRecall = report with { Releases = [.. report.Releases.Select(r => r with { Recall = null })], RecallTiming = null };

        var written = await ReportWriter.WriteAsync(BuiltInScenario.Create(devices: 2_000), noRecall, connection, directory, TestContext.Current.CancellationToken);

        Assert.Equal(["report.md", "report.html", "adoption.png"], written.Select(Path.GetFileName));
        Assert.False(File.Exists(Path.Combine(directory, ReportFiles.RecallChart)));
        Assert.DoesNotContain(ReportFiles.RecallChart, await File.ReadAllTextAsync(written[0], TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(InlineCharts.RecallId, await File.ReadAllTextAsync(written[1], TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
