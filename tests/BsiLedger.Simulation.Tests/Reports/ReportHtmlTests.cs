using System.Net;
using System.Text.RegularExpressions;
using BsiLedger.Simulation.Reports;
using BsiLedger.Simulation.Scenarios;

namespace BsiLedger.Simulation.Tests.Reports;

public sealed partial class ReportHtmlTests
{
    private static readonly Scenario Scenario = BuiltInScenario.Create(devices: 2_000);
    private static readonly string Html = Render(SampleReport.WithWhatIf());

    [Fact]
    public void Every_release_has_a_section_and_a_link_to_it()
    {
        for (var i = 0; i < SampleReport.Create().Releases.Length; i++)
        {
            var release = SampleReport.Create().Releases[i];
            Assert.Contains($"""<h2 id="release-{i + 1}">{release.Release} <span class="phase">{release.Phase}</span></h2>""", Html, StringComparison.Ordinal);
            Assert.Contains($"""<a href="#release-{i + 1}">{release.Release} """, Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_reader_sees_the_figures_report_md_gives()
    {
        var text = VisibleText(Html);

        Assert.Contains("Devices 2,000 (220 offline, checking in every 6h)", text, StringComparison.Ordinal);
        Assert.Contains("A wave's failure rate counts from 20 install attempts (minimum sample).", text, StringComparison.Ordinal);
        Assert.Contains("4 100% 24h 3% spread over 1d", text, StringComparison.Ordinal);
        Assert.Contains("3 T+72h halted T+72h 0h 294 216 216 18 9 22 0 29", text, StringComparison.Ordinal);
        Assert.Contains("Halted at T+72h in wave 3: 18 of 234 install attempts failed (7.7%), above the threshold of 3%.", text, StringComparison.Ordinal);
        Assert.Contains("Blast radius: 282 devices installed it, of the 700 its plan could reach (40.3%).", text, StringComparison.Ordinal);
        Assert.Contains("Recalled at T+60h: Safari fails to load some sign-in pages", text, StringComparison.Ordinal);
        Assert.Contains("Exposed (held it when recalled) 52", text, StringComparison.Ordinal);
        Assert.Contains("Completed T+65h, 5h (domain) after the recall", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_what_if_alternative_sits_under_its_release_beside_the_actual_rollout()
    {
        var text = VisibleText(Html);

        Assert.Contains("What if: canary judged alone 2%:1d:3% 100%:0h:3%, minimum sample 20 (replayed; nothing appended).", text, StringComparison.Ordinal);
        Assert.Contains("Halted wave 3, 18/234 failed wave 1, 2/20 failed", text, StringComparison.Ordinal);
        Assert.Contains("Hours to 50% / 90% adopted 70.5 / never never / never", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("What if:", StringComparison.Ordinal) < text.IndexOf("iPadOS 26.3.1 (a) completed Plan", StringComparison.Ordinal));
        Assert.DoesNotContain("What if", VisibleText(Render(SampleReport.Create())), StringComparison.Ordinal);
    }

    [Fact]
    public void Both_charts_are_inline_svg_whose_ids_do_not_collide()
    {
        Assert.Equal(2, Regex.Count(Html, "<svg "));
        Assert.Contains($"""<svg id="{InlineCharts.AdoptionId}" """.TrimEnd(), Html, StringComparison.Ordinal);
        Assert.Contains($"""<figcaption id="{InlineCharts.RecallId}-caption">""", Html, StringComparison.Ordinal);
        var ids = Regex.Matches(Html, """ id="([^"]+)" """.Trim()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain("<?xml", Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src=\"http")]
    [InlineData("href=\"http")]
    [InlineData("url(http")]
    [InlineData("@import")]
    [InlineData("<link")]
    [InlineData("<script")]
    [InlineData("<img")]
    public void No_request_leaves_the_page(string reference) =>
        Assert.DoesNotContain(reference, Html, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Text_from_the_run_is_encoded()
    {
        var report = SampleReport.WithWhatIf();
        var hostile = report with
        {
            Releases = [.. report.Releases.Select(r => r.Recall is { } recall ? r with { Recall = recall with { Reason = "<script>alert('x')</script> & \"more\"" } } : r)],
            WhatIf = [.. report.WhatIf!.Select(a => a with { Name = "<b>bold</b>" })],
        };

        var html = Render(hostile);

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;", html, StringComparison.Ordinal);
        Assert.Contains("What if: &lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_recall_there_is_no_recall_section_or_chart()
    {
        var report = SampleReport.Create();
        var none = report with { Releases = [.. report.Releases.Select(r => r with { Recall = null })], RecallTiming = null };

        var html = ReportHtml.Render(Scenario, none, new InlineCharts(Chart(AdoptionChart.Create(none, SampleTimeline.Create()), InlineCharts.AdoptionId), null));

        Assert.DoesNotContain("Recall", VisibleText(html), StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, "<svg "));
    }

    private static string Render(SimulationReport report) => ReportHtml.Render(Scenario, report, new InlineCharts(
        Chart(AdoptionChart.Create(report, SampleTimeline.Create()), InlineCharts.AdoptionId),
        Chart(RecallChart.Create(report, SampleTimeline.Create()), InlineCharts.RecallId)));

    private static string Chart(ScottPlot.Plot plot, string id)
    {
        using (plot)
        {
            return ChartSvg.Inline(plot, id);
        }
    }

    /// <summary>The page's text as a reader meets it: no styles, no charts, no tags, entities decoded, one space between cells and blocks.</summary>
    private static string VisibleText(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(InlineTags().Replace(BlockTags().Replace(Hidden().Replace(html, " "), " "), "")), " ");

    [GeneratedRegex("<(style|svg|title)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex("</?(t[dhr]|p|h[1-6]|li|ul|div|nav|header|main|section|figure|figcaption|table|thead|tbody)\\b[^>]*>")]
    private static partial Regex BlockTags();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex InlineTags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
