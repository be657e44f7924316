using System.Globalization;
using System.Text;
using BsiLedger.Simulation.Scenarios;
using BsiLedger.Simulation.WhatIf;

namespace BsiLedger.Simulation.Reports;

/// <summary>
/// <c>report.md</c>: the run, then each release's plan, waves, halt and recall, for a person to read in a minute.
/// The figures are <c>report.json</c>'s, in the tables and sentences <c>report.html</c> shares (<see cref="ReportTables"/>).
/// </summary>
public static class ReportMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(Scenario scenario, SimulationReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("# Simulation report").AppendLine();
        Table(md, ReportTables.Summary(scenario, report));
        md.AppendLine(Invariant, $"![{ReportSentences.AdoptionCaption}]({ReportFiles.AdoptionChart})").AppendLine();
        foreach (var release in report.Releases)
        {
            var plan = scenario.Releases.Single(r => r.Id.ToString() == release.Release).Plan;
            md.AppendLine(Invariant, $"## {release.Release}: {release.Phase}").AppendLine();
            md.AppendLine(Invariant, $"Plan: a wave's failure rate {ReportSentences.MinimumSample(plan)}").AppendLine();
            Table(md, ReportTables.Plan(plan));
            if (ReportTables.Waves(report, release) is { } waves)
            {
                Table(md, waves);
            }
            else
            {
                md.AppendLine("No wave started.").AppendLine();
            }

            if (release.Halted is { } halt)
            {
                md.AppendLine(Invariant, $"**Halted** {ReportSentences.Halt(report, halt)}").AppendLine();
            }

            if (release.BlastRadius is { } blast)
            {
                md.AppendLine(Invariant, $"**Blast radius**: {ReportSentences.BlastRadius(blast)}").AppendLine();
            }

            if (release.Recall is { } recall)
            {
                md.AppendLine(Invariant, $"**Recalled** {OneLine(ReportSentences.Recalled(report, recall))}").AppendLine();
                Table(md, ReportTables.Recall(report, recall, report.RecallTiming is { } timing && timing.Release == release.Release ? timing : null));
                md.AppendLine(Invariant, $"![{ReportSentences.RecallCaption}]({ReportFiles.RecallChart})").AppendLine();
            }

            foreach (var alternative in report.WhatIf?.Where(a => a.Release == release.Release) ?? [])
            {
                WhatIf(md, alternative);
            }
        }

        return md.ToString();
    }

    /// <summary>An alternative plan replayed on the run's ledger beside the rollout as it happened (docs/whatif.md).</summary>
    private static void WhatIf(StringBuilder md, AlternativeOutcome alternative)
    {
        var plan = alternative.Replay.Plan;
        md.AppendLine(Invariant, $"What if: **{alternative.Name}**, `{string.Join(" ", plan.Waves)}`, minimum sample {plan.MinSample:N0} (replayed; nothing appended).").AppendLine();
        Table(md, ReportTables.WhatIf(alternative));
    }

    private static void Table(StringBuilder md, ReportTable table)
    {
        Row(md, table.Columns.Select(c => c.Header));
        md.Append('|').AppendJoin("", table.Columns.Select(c => c.Numeric ? "---:|" : "---|")).AppendLine();
        foreach (var row in table.Rows)
        {
            Row(md, row);
        }

        md.AppendLine();
    }

    private static void Row(StringBuilder md, IEnumerable<string> cells) =>
        md.Append('|').AppendJoin("", cells.Select(c => c.Length == 0 ? " |" : $" {c} |")).AppendLine();

    /// <summary>Free text on one line: a blank line in it would end the paragraph.</summary>
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
