using System.Text.Json;
using BsiLedger.Testing;
using PuppeteerSharp;

namespace BsiLedger.Cli.Tests;

/// <summary>
/// <c>report.html</c> from a real <c>bsi simulate</c>, opened from disk in headless chromium as a colleague would open
/// it: every release is on the page, the charts are drawn, the page fits a laptop and a phone, the keyboard reaches
/// it, and it asks nothing of the network. Screenshots go to <c>TestResults/screenshots/</c>.
/// </summary>
public sealed class ReportHtmlBrowserTests(PostgresFixture postgres)
{
    private static readonly string Scenarios = Path.Combine(RepositoryRoot.Path, "docs", "scenarios");

    [Fact]
    public async Task The_page_opens_from_disk_with_every_release_and_drawn_charts_at_laptop_and_phone_width_and_asks_nothing_of_the_network()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var output = Directory.CreateTempSubdirectory("bsi-sim-html-").FullName;
        var run = await Bsi.RunAsync(["simulate", "--scenario", Path.Combine(Scenarios, "whatif-halt-recall.json"), "--whatif", Path.Combine(Scenarios, "whatif-halt-recall.alternatives.json"),
            "--out", output, "--connection", connection, "--telemetry", "none"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json"), TestContext.Current.CancellationToken)).RootElement;
        var releases = report.GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("release").GetString()!).ToList();

        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.NewPageAsync();
        var requests = PageRequests.Watch(page);
        foreach (var (width, height, mobile) in new[] { (1280, 800, false), (390, 844, true) })
        {
            await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height, IsMobile = mobile });
            await page.GoToAsync(new Uri(Path.Combine(output, "report.html")).AbsoluteUri);
            await page.ScreenshotAsync(Screenshots.PathOf($"report-html-{width}x{height}.png"), new ScreenshotOptions { FullPage = true });

            var text = await page.EvaluateExpressionAsync<string>("document.body.innerText");
            Assert.All(releases, release => Assert.Contains(release, text, StringComparison.Ordinal));
            Assert.Contains("What if: canary judged alone", text, StringComparison.Ordinal);

            // Each chart: its width, its height and how many lines and shapes it drew.
            var charts = await page.EvaluateExpressionAsync<double[][]>(
                "[...document.querySelectorAll('figure svg')].map(s => { const r = s.getBoundingClientRect(); return [r.width, r.height, s.querySelectorAll('path, line, polyline').length]; })");
            Assert.Equal(2, charts.Length);
            Assert.All(charts, chart => Assert.True(chart[0] > 0 && chart[1] > 0 && chart[2] > 10, $"{width}px: a chart is {chart[0]}x{chart[1]} with {chart[2]} shapes"));

            // Wide tables and charts scroll inside their own box; the page itself never scrolls sideways.
            var (scrollWidth, innerWidth) = (await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateExpressionAsync<int>("window.innerWidth"));
            Assert.True(scrollWidth <= innerWidth, $"{width}px: the page is {scrollWidth}px wide");
        }

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to the report", await page.EvaluateExpressionAsync<string>("document.activeElement.textContent"));
        Assert.NotEmpty(requests.Urls);
        Assert.All(requests.Urls, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"the page requested {url}"));
    }
}
