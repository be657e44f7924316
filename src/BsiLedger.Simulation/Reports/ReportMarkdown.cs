using System.Globalization;
using System.Text;
using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Releases.Reports;
using BsiLedger.Simulation.Scenarios;
using BsiLedger.Simulation.WhatIf;

namespace BsiLedger.Simulation.Reports;

/// <summary>
/// <c>report.md</c>: the run, then each release's plan, waves, halt and recall, for a person to read in a minute.
/// The figures are <c>report.json</c>'s; domain times are hours since the rollout began (T+0h), the form plans are written in.
/// </summary>
public static class ReportMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(Scenario scenario, SimulationReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("# Simulation report").AppendLine();
        Summary(md, scenario, report);
        md.AppendLine(Invariant, $"![Devices running each release over domain time]({ReportFiles.AdoptionChart})").AppendLine();
        foreach (var release in report.Releases)
        {
            var spec = scenario.Releases.Single(r => r.Id.ToString() == release.Release);
            md.AppendLine(Invariant, $"## {release.Release}: {release.Phase}").AppendLine();
            Plan(md, spec.Plan);
            Waves(md, report, release);
            if (release.Halted is { } halt)
            {
                Halt(md, report, halt);
            }

            if (release.BlastRadius is { } blast)
            {
                BlastRadius(md, blast);
            }

            if (release.Recall is { } recall)
            {
                Recall(md, report, recall, report.RecallTiming is { } timing && timing.Release == release.Release ? timing : null);
            }

            foreach (var alternative in report.WhatIf?.Where(a => a.Release == release.Release) ?? [])
            {
                WhatIf(md, alternative);
            }
        }

        return md.ToString();
    }

    private static void Summary(StringBuilder md, Scenario scenario, SimulationReport report)
    {
        md.AppendLine("| Run | |").AppendLine("|---|---|");
        md.AppendLine(Invariant, $"| Devices | {report.Devices:N0} ({report.OfflineDevices:N0} offline, checking in every {Hours(scenario.Fleet.CheckInEvery)}) |");
        md.AppendLine(Invariant, $"| Seed | {report.Seed} |");
        md.AppendLine(Invariant, $"| Domain time | {report.DomainStart:yyyy-MM-dd HH:mm} UTC (T+0h) to {report.DomainEnd:yyyy-MM-dd HH:mm} UTC ({Since(report, report.DomainEnd)}) |");
        md.AppendLine(Invariant, $"| Wall time | {report.WallSeconds:0.0} s |");
        md.AppendLine(Invariant, $"| Events appended | {report.EventsAppended:N0} |");
        md.AppendLine(Invariant, $"| Events per second | {report.EventsPerSecond:N0} |");
        md.AppendLine(Invariant, $"| Peak working set | {report.PeakWorkingSetBytes / (1024.0 * 1024):N0} MiB |");
        md.AppendLine();
    }

    /// <summary>An alternative plan replayed on the run's ledger beside the rollout as it happened (docs/whatif.md).</summary>
    private static void WhatIf(StringBuilder md, AlternativeOutcome alternative)
    {
        var (actual, replay) = (alternative.Actual, alternative.Replay);
        md.AppendLine(Invariant, $"What if: **{alternative.Name}**, `{string.Join(" ", replay.Plan.Waves)}`, minimum sample {replay.Plan.MinSample:N0} (replayed; nothing appended).").AppendLine();
        md.AppendLine("| | Actual | What if |").AppendLine("|---|---:|---:|");
        md.AppendLine(Invariant, $"| Halted | {Halted(actual.Halted)} | {Halted(replay.Halted)} |");
        md.AppendLine(Invariant, $"| Installed | {actual.Installed:N0} | {replay.Installed:N0} |");
        md.AppendLine(Invariant, $"| Failed installs | {actual.Failed:N0} | {replay.Failed:N0} |");
        md.AppendLine(Invariant, $"| Exposed when recalled | {actual.Exposed:N0} | {replay.Exposed:N0} |");
        md.AppendLine(Invariant, $"| Hours to 50% / 90% adopted | {Adopted(actual)} | {Adopted(replay)} |");
        md.AppendLine();
    }

    private static string Halted(HaltFigures? halt) => halt is null
        ? "no"
        : string.Create(Invariant, $"wave {halt.Wave + 1}, {halt.Failures:N0}/{halt.Attempts:N0} failed");

    private static string Adopted(RolloutFigures figures) =>
        $"{(figures.TimeTo50 is { } half ? half.ToString("0.#", Invariant) : "never")} / {(figures.TimeTo90 is { } most ? most.ToString("0.#", Invariant) : "never")}";

    private static void Plan(StringBuilder md, RolloutPlan plan)
    {
        md.AppendLine(Invariant, $"Plan: a wave's failure rate counts from {plan.MinSample:N0} install attempts (minimum sample).").AppendLine();
        md.AppendLine("| Wave | Share | Soak | Failure threshold | Offers |").AppendLine("|---:|---:|---:|---:|---|");
        for (var i = 0; i < plan.Waves.Length; i++)
        {
            var wave = plan.Waves[i];
            md.AppendLine(Invariant, $"| {i + 1} | {RolloutPlan.Percent(wave.Share)} | {Hours(wave.Soak)} | {RolloutPlan.Percent(wave.FailureThreshold)} | {wave.Pacing?.Describe() ?? "all at once"} |");
        }

        md.AppendLine();
    }

    private static void Waves(StringBuilder md, SimulationReport report, ReleaseReport release)
    {
        if (release.Waves.IsEmpty)
        {
            md.AppendLine("No wave started.").AppendLine();
            return;
        }

        md.Append("| Wave | Started | Completed | Duration | Targeted | Installed | Applied | Failed ")
            .AppendLine("| Skipped: auto-install off | Skipped: MDM forbids | Skipped: ineligible | Skipped: offline |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var w in release.Waves)
        {
            var (ended, duration) = (w.CompletedAt, release.Halted) switch
            {
                ({ } completed, _) => (Since(report, completed), Hours(completed - w.StartedAt)),
                (null, { } halt) when w.Halted => ($"halted {Since(report, halt.At)}", Hours(halt.At - w.StartedAt)),
                _ => ("-", "-"),
            };
            var s = w.Skipped;
            md.Append(Invariant, $"| {w.Index + 1} | {Since(report, w.StartedAt)} | {ended} | {duration} ")
                .Append(Invariant, $"| {w.Targeted:N0} | {w.Installed:N0} | {w.Applied:N0} | {w.Failed:N0} ")
                .AppendLine(Invariant, $"| {s.AutoInstallOff:N0} | {s.MdmForbids:N0} | {s.Ineligible:N0} | {s.Offline:N0} |");
        }

        md.AppendLine();
    }

    private static void Halt(StringBuilder md, SimulationReport report, HaltReport halt) =>
        md.Append(Invariant, $"**Halted** at {Since(report, halt.At)} in wave {halt.Wave + 1}: ")
            .Append(Invariant, $"{halt.Failures:N0} of {halt.Attempts:N0} install attempts failed ({Rate(halt.FailureRate)}), ")
            .Append(Invariant, $"above the threshold of {RolloutPlan.Percent(halt.Threshold)}.")
            .AppendLine(halt is { Offered: { } offered, NotOffered: > 0 and var never }
                ? string.Create(Invariant, $" {offered:N0} devices of the wave had been offered it; {never:N0} never were.")
                : "")
            .AppendLine();

    private static void BlastRadius(StringBuilder md, BlastRadius blast) =>
        md.Append(Invariant, $"**Blast radius**: {blast.Installed:N0} devices installed it, of the {blast.Reachable:N0} its plan could reach")
            .AppendLine(blast.Reachable > 0 ? string.Create(Invariant, $" ({Rate((double)blast.Installed / blast.Reachable)}).") : ".")
            .AppendLine();

    private static void Recall(StringBuilder md, SimulationReport report, RecallReport recall, RecallTiming? timing)
    {
        md.AppendLine(Invariant, $"**Recalled** at {Since(report, recall.IssuedAt)}: {OneLine(recall.Reason)}").AppendLine();
        md.AppendLine("| Recall | |").AppendLine("|---|---:|");
        md.AppendLine(Invariant, $"| Exposed (held it when recalled) | {recall.Exposed:N0} |");
        md.AppendLine(Invariant, $"| Withdrawn | {recall.Withdrawn:N0} |");
        md.AppendLine(Invariant, $"| Settled otherwise (OS update, removal) | {recall.Settled:N0} |");
        md.AppendLine(Invariant, $"| Pending | {recall.Pending:N0} |");
        if (timing is not null)
        {
            md.AppendLine(Invariant, $"| Reachable devices withdrawn after (wall) | {timing.OnlineWithdrawnSeconds:0.00} s |");
            md.AppendLine(Invariant, $"| Offline when recalled (waited for their check-in) | {timing.PendingOffline:N0} |");
        }

        md.AppendLine(recall.CompletedAt is { } done
            ? string.Create(Invariant, $"| Completed | {Since(report, done)}, {Hours(done - recall.IssuedAt)} (domain) after the recall |")
            : "| Completed | not yet |");
        md.AppendLine();
        md.AppendLine(Invariant, $"![Exposed devices still running the release after its recall]({ReportFiles.RecallChart})").AppendLine();
    }

    private static string Since(SimulationReport report, DateTimeOffset at) => "T+" + Hours(at - report.DomainStart);

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.#", Invariant) + "h";

    private static string Rate(double fraction) => (fraction * 100).ToString("0.0", Invariant) + "%";

    /// <summary>Free text on one line: a blank line in it would end the paragraph.</summary>
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
