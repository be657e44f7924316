using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using BsiLedger.Testing;

namespace BsiLedger.Api.Tests;

/// <summary>
/// <c>/metrics</c> after a rollout with an install, an apply, a failure and a recall: Prometheus' own checker passes it,
/// and every metric the Grafana dashboard (<c>infra/grafana/bsiledger.json</c>) queries is in it.
/// </summary>
public sealed partial class MetricsScrapeTests(ApiServerFixture server) : ApiTest(server)
{
    [Fact]
    public async Task Promtool_passes_the_scrape_and_it_holds_every_metric_the_dashboard_queries()
    {
        var queried = DashboardMetrics();
        Assert.Contains("bsi_journal_append_duration_seconds_bucket", queried);
        await RollOutAndRecallAsync();

        // Marten's daemon names its instruments after each projection shard (marten.{shard}.{kind}) and describes none;
        // they appear once a shard has worked, which may come after the scrape. One of each kind is recorded here, on a
        // meter of Marten's name in this process, so that their help text is checked on every run.
        using var marten = new Meter("Marten");
        marten.CreateCounter<long>("marten.scrapecheck.all.processed").Add(1);
        marten.CreateCounter<long>("marten.scrapecheck.all.skipped").Add(1);
        marten.CreateHistogram<long>("marten.scrapecheck.all.gap").Record(1);
        string[] daemon = ["marten_scrapecheck_all_processed_total", "marten_scrapecheck_all_skipped_total", "marten_scrapecheck_all_gap_bucket"];
        var (scrape, exposed) = await ScrapeUntilAsync([.. queried, .. daemon]);
        var check = await ExternalTool.RunAsync("promtool", "apt-get install prometheus", ["check", "metrics"], stdin: scrape);

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Empty(queried.Except(exposed));
        Assert.Empty(daemon.Except(exposed));
    }

    /// <summary>The metric names in every query of the dashboard: its panels' targets and its variables.</summary>
    private static HashSet<string> DashboardMetrics()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "grafana", "bsiledger.json")));
        var queries = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray().Select(target => target.GetProperty("expr").GetString()!))
            .Concat(dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray()
                .Where(variable => variable.GetProperty("type").GetString() == "query")
                .Select(variable => variable.GetProperty("query").GetString()!))
            .ToList();
        // Every selector is written with braces, so a name is what stands before one; a bare metric name would slip past.
        Assert.All(queries, query => Assert.DoesNotMatch(BareMetricName(), query));
        return [.. queries.SelectMany(query => Selector().Matches(query).Select(match => match.Groups[1].Value))];
    }

    private async Task RollOutAndRecallAsync()
    {
        var (release, os) = NewRelease();
        string[] fleet = [UniqueIds.Device("scraped"), UniqueIds.Device("scraped")];
        foreach (var device in fleet)
        {
            await Enroll(device, os);
        }

        await Publish(release);
        await Expect(HttpStatusCode.OK, Post(Operator, $"/releases/{Route(release)}/plan", new { waves = new[] { new { share = 1.0, soak = "1h", failureThreshold = 0.9 } }, minSample = 10 }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/releases/{Route(release)}/start"));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{fleet[0]}/install", new { release }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{fleet[0]}/apply", new { release }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/devices/{fleet[1]}/fail", new { release, reason = "staging failed" }));
        await Expect(HttpStatusCode.OK, Post(Operator, $"/releases/{Route(release)}/recall", new { reason = "breaks sign-in pages" }));
    }

    /// <summary>The gauges are read from what the release grains last posted, so the scrape is taken again until they are in it.</summary>
    private async Task<(string Text, HashSet<string> Names)> ScrapeUntilAsync(HashSet<string> wanted)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var text = await (await Get(Operator, ApiServer.MetricsPath)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            HashSet<string> names = [.. text.Split('\n').Where(line => line.Length > 0 && line[0] != '#').Select(line => line.Split('{', ' ')[0])];
            if (wanted.IsSubsetOf(names) || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                return (text, names);
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex(@"([a-zA-Z_:][a-zA-Z0-9_:]*)\{")]
    private static partial Regex Selector();

    /// <summary>A metric's name with no brace after it; the project's label names (<c>bsi_release</c>, <c>bsi_wave</c>, <c>bsi_silo</c>) are not names.</summary>
    [GeneratedRegex(@"\b(?!bsi_(?:release|wave|silo)\b)(bsi|db|orleans|marten)_[a-z0-9_]+\b(?!\{)")]
    private static partial Regex BareMetricName();
}
