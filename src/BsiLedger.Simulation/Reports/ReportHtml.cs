using System.Globalization;
using System.Net;
using System.Text;
using BsiLedger.Grains.Releases.Reports;
using BsiLedger.Simulation.Scenarios;
using BsiLedger.Simulation.WhatIf;

namespace BsiLedger.Simulation.Reports;

/// <summary>
/// <c>report.html</c>: <c>report.md</c>'s figures (<see cref="ReportTables"/>, <see cref="ReportSentences"/>) with the
/// charts drawn inside it, as one file that opens from disk and asks nothing of the network: styles inlined, charts as
/// inline SVG, no script. Every text from the run is encoded.
/// </summary>
public static class ReportHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(Scenario scenario, SimulationReport report, InlineCharts charts)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>").AppendLine("""<html lang="en">""").AppendLine("<head>");
        html.AppendLine("""<meta charset="utf-8">""").AppendLine("""<meta name="viewport" content="width=device-width, initial-scale=1">""");
        html.AppendLine(Invariant, $"<title>Simulation report: {report.Devices:N0} devices, seed {report.Seed}</title>");
        html.Append("<style>").Append(ReportStylesheet.Css).AppendLine("</style>").AppendLine("</head>").AppendLine("<body>");
        html.AppendLine("""<a class="skip" href="#main">Skip to the report</a>""");
        html.AppendLine("<header>").AppendLine("<h1>Simulation report</h1>");
        Releases(html, report);
        html.AppendLine("</header>").AppendLine("""<main id="main">""");

        html.AppendLine("""<section aria-labelledby="run"><h2 id="run">Run</h2>""");
        Table(html, ReportTables.Summary(scenario, report), "Run");
        html.AppendLine("</section>");
        html.AppendLine("""<section aria-labelledby="adoption"><h2 id="adoption">Adoption</h2>""");
        Figure(html, InlineCharts.AdoptionId, charts.Adoption, ReportSentences.AdoptionCaption);
        html.AppendLine("</section>");

        var recallChartShown = false;
        for (var i = 0; i < report.Releases.Length; i++)
        {
            var release = report.Releases[i];
            var plan = scenario.Releases.Single(r => r.Id.ToString() == release.Release).Plan;
            var id = $"release-{i + 1}";
            html.AppendLine(Invariant, $"""<section aria-labelledby="{id}"><h2 id="{id}">{E(release.Release)} <span class="phase">{E(release.Phase)}</span></h2>""");
            html.AppendLine("<h3>Plan</h3>").AppendLine(Invariant, $"<p>A wave's failure rate {E(ReportSentences.MinimumSample(plan))}</p>");
            Table(html, ReportTables.Plan(plan), $"{release.Release}: plan");
            html.AppendLine("<h3>Waves</h3>");
            if (ReportTables.Waves(report, release) is { } waves)
            {
                Table(html, waves, $"{release.Release}: waves");
            }
            else
            {
                html.AppendLine("<p>No wave started.</p>");
            }

            if (release.Halted is { } halt)
            {
                html.AppendLine(Invariant, $"""<p class="halt"><strong>Halted</strong> {E(ReportSentences.Halt(report, halt))}</p>""");
            }

            if (release.BlastRadius is { } blast)
            {
                html.AppendLine(Invariant, $"<p><strong>Blast radius</strong>: {E(ReportSentences.BlastRadius(blast))}</p>");
            }

            if (release.Recall is { } recall)
            {
                Recall(html, report, release, recall, recallChartShown ? null : charts.Recall, recallChartShown);
                recallChartShown |= charts.Recall is not null;
            }

            foreach (var alternative in report.WhatIf?.Where(a => a.Release == release.Release) ?? [])
            {
                WhatIf(html, release, alternative);
            }

            html.AppendLine("</section>");
        }

        html.AppendLine("</main>").AppendLine("</body>").AppendLine("</html>");
        return html.ToString();
    }

    /// <summary>Every release with its phase, each a link to its section.</summary>
    private static void Releases(StringBuilder html, SimulationReport report)
    {
        html.AppendLine("""<nav aria-label="Releases"><ul>""");
        for (var i = 0; i < report.Releases.Length; i++)
        {
            var release = report.Releases[i];
            html.AppendLine(Invariant, $"""<li><a href="#release-{i + 1}">{E(release.Release)} <span class="phase">{E(release.Phase)}</span></a></li>""");
        }

        html.AppendLine("</ul></nav>");
    }

    /// <param name="chart">Null when an earlier release's section already carries the recall chart (one chart holds every
    /// recall): <paramref name="linkToChart"/> then points there.</param>
    private static void Recall(StringBuilder html, SimulationReport report, ReleaseReport release, RecallReport recall, string? chart, bool linkToChart)
    {
        html.AppendLine("<h3>Recall</h3>");
        html.AppendLine(Invariant, $"""<p class="recall"><strong>Recalled</strong> {E(ReportSentences.Recalled(report, recall))}</p>""");
        Table(html, ReportTables.Recall(report, recall, report.RecallTiming is { } timing && timing.Release == release.Release ? timing : null), $"{release.Release}: recall");
        if (chart is not null)
        {
            Figure(html, InlineCharts.RecallId, chart, ReportSentences.RecallCaption);
        }
        else if (linkToChart)
        {
            html.AppendLine(Invariant, $"""<p><a href="#{InlineCharts.RecallId}">{E(ReportSentences.RecallCaption)}</a></p>""");
        }
    }

    /// <summary>An alternative plan replayed on the run's ledger beside the rollout as it happened (docs/whatif.md).</summary>
    private static void WhatIf(StringBuilder html, ReleaseReport release, AlternativeOutcome alternative)
    {
        var plan = alternative.Replay.Plan;
        html.AppendLine(Invariant, $"<h3>What if: {E(alternative.Name)}</h3>");
        html.AppendLine(Invariant, $"""<p class="whatif"><code>{E(string.Join(" ", plan.Waves))}</code>, minimum sample {plan.MinSample:N0} (replayed; nothing appended).</p>""");
        Table(html, ReportTables.WhatIf(alternative), $"{release.Release}: what if {alternative.Name}");
    }

    /// <summary>On a narrow screen the chart keeps a legible width and scrolls inside its box, like a wide table.</summary>
    private static void Figure(StringBuilder html, string id, string svg, string caption) =>
        html.AppendLine("<figure>").Append(Invariant, $"""<div class="scroll" role="region" tabindex="0" aria-label="{E(caption)}">""").Append(svg).AppendLine("</div>")
            .AppendLine(Invariant, $"""<figcaption id="{id}-caption">{E(caption)}</figcaption>""").AppendLine("</figure>");

    /// <summary>
    /// A wide table scrolls inside its own box, which takes the keyboard's focus so that it can be scrolled without a
    /// mouse. A table of names and values (no column header but the first) has no header row: its label names it.
    /// </summary>
    private static void Table(StringBuilder html, ReportTable table, string label)
    {
        html.Append(Invariant, $"""<div class="scroll" role="region" tabindex="0" aria-label="{E(label)}"><table>""");
        if (table.Columns.Skip(1).Any(c => c.Header.Length > 0))
        {
            html.Append("<thead><tr>");
            foreach (var column in table.Columns)
            {
                html.Append(column.Header.Length == 0 ? "<td></td>" : $"""<th scope="col"{Numeric(column)}>{E(column.Header)}</th>""");
            }

            html.Append("</tr></thead>");
        }

        html.Append("<tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var numeric = Numeric(table.Columns[i]);
                html.Append(i == 0 ? $"""<th scope="row"{numeric}>{E(row[i])}</th>""" : $"<td{numeric}>{E(row[i])}</td>");
            }

            html.Append("</tr>");
        }

        html.AppendLine("</tbody></table></div>");
    }

    private static string Numeric(ReportColumn column) => column.Numeric ? " class=\"num\"" : "";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
