using BsiLedger.Domain.Releases;
using BsiLedger.Grains.Releases.Reports;
using BsiLedger.Simulation.Scenarios;
using BsiLedger.Simulation.WhatIf;
using static System.FormattableString;
using static BsiLedger.Simulation.Reports.ReportFormat;

namespace BsiLedger.Simulation.Reports;

/// <summary>The report's tables: the run, a release's plan and waves, its recall, and a what-if alternative beside the actual rollout.</summary>
public static class ReportTables
{
    public static ReportTable Summary(Scenario scenario, SimulationReport report) => new(
        [new("Run"), new("")],
        [
            ["Devices", Invariant($"{report.Devices:N0} ({report.OfflineDevices:N0} offline, checking in every {Hours(scenario.Fleet.CheckInEvery)})")],
            ["Seed", Invariant($"{report.Seed}")],
            ["Domain time", Invariant($"{report.DomainStart:yyyy-MM-dd HH:mm} UTC (T+0h) to {report.DomainEnd:yyyy-MM-dd HH:mm} UTC ({Since(report, report.DomainEnd)})")],
            ["Wall time", Invariant($"{report.WallSeconds:0.0} s")],
            ["Events appended", Invariant($"{report.EventsAppended:N0}")],
            ["Events per second", Invariant($"{report.EventsPerSecond:N0}")],
            ["Peak working set", Invariant($"{report.PeakWorkingSetBytes / (1024.0 * 1024):N0} MiB")],
        ]);

    public static ReportTable Plan(RolloutPlan plan) => new(
        [new("Wave", true), new("Share", true), new("Soak", true), new("Failure threshold", true), new("Offers")],
        [
            .. plan.Waves.Select((wave, i) => (IReadOnlyList<string>)
            [
                Invariant($"{i + 1}"), RolloutPlan.Percent(wave.Share), Hours(wave.Soak), RolloutPlan.Percent(wave.FailureThreshold),
                wave.Pacing?.Describe() ?? "all at once",
            ]),
        ]);

    /// <summary>Null when no wave started.</summary>
    public static ReportTable? Waves(SimulationReport report, ReleaseReport release) => release.Waves.IsEmpty ? null : new(
        [
            new("Wave", true), new("Started", true), new("Completed", true), new("Duration", true), new("Targeted", true), new("Installed", true),
            new("Applied", true), new("Failed", true), new("Skipped: auto-install off", true), new("Skipped: MDM forbids", true),
            new("Skipped: ineligible", true), new("Skipped: offline", true),
        ],
        [.. release.Waves.Select(w => Wave(report, release, w))]);

    public static ReportTable Recall(SimulationReport report, RecallReport recall, RecallTiming? timing)
    {
        List<IReadOnlyList<string>> rows =
        [
            ["Exposed (held it when recalled)", Invariant($"{recall.Exposed:N0}")],
            ["Withdrawn", Invariant($"{recall.Withdrawn:N0}")],
            ["Settled otherwise (OS update, removal)", Invariant($"{recall.Settled:N0}")],
            ["Pending", Invariant($"{recall.Pending:N0}")],
        ];
        if (timing is not null)
        {
            rows.Add(["Reachable devices withdrawn after (wall)", Invariant($"{timing.OnlineWithdrawnSeconds:0.00} s")]);
            rows.Add(["Offline when recalled (waited for their check-in)", Invariant($"{timing.PendingOffline:N0}")]);
        }

        rows.Add(["Completed", recall.CompletedAt is { } done ? $"{Since(report, done)}, {Hours(done - recall.IssuedAt)} (domain) after the recall" : "not yet"]);
        return new([new("Recall"), new("", true)], rows);
    }

    public static ReportTable WhatIf(AlternativeOutcome alternative)
    {
        var (actual, replay) = (alternative.Actual, alternative.Replay);
        return new(
            [new(""), new("Actual", true), new("What if", true)],
            [
                ["Halted", Halted(actual.Halted), Halted(replay.Halted)],
                ["Installed", Invariant($"{actual.Installed:N0}"), Invariant($"{replay.Installed:N0}")],
                ["Failed installs", Invariant($"{actual.Failed:N0}"), Invariant($"{replay.Failed:N0}")],
                ["Exposed when recalled", Invariant($"{actual.Exposed:N0}"), Invariant($"{replay.Exposed:N0}")],
                ["Hours to 50% / 90% adopted", Adopted(actual), Adopted(replay)],
            ]);
    }

    private static IReadOnlyList<string> Wave(SimulationReport report, ReleaseReport release, WaveReport w)
    {
        var (ended, duration) = (w.CompletedAt, release.Halted) switch
        {
            ({ } completed, _) => (Since(report, completed), Hours(completed - w.StartedAt)),
            (null, { } halt) when w.Halted => ($"halted {Since(report, halt.At)}", Hours(halt.At - w.StartedAt)),
            _ => ("-", "-"),
        };
        var s = w.Skipped;
        return
        [
            Invariant($"{w.Index + 1}"), Since(report, w.StartedAt), ended, duration,
            Invariant($"{w.Targeted:N0}"), Invariant($"{w.Installed:N0}"), Invariant($"{w.Applied:N0}"), Invariant($"{w.Failed:N0}"),
            Invariant($"{s.AutoInstallOff:N0}"), Invariant($"{s.MdmForbids:N0}"), Invariant($"{s.Ineligible:N0}"), Invariant($"{s.Offline:N0}"),
        ];
    }

    private static string Halted(HaltFigures? halt) => halt is null ? "no" : Invariant($"wave {halt.Wave + 1}, {halt.Failures:N0}/{halt.Attempts:N0} failed");

    private static string Adopted(RolloutFigures figures) =>
        $"{(figures.TimeTo50 is { } half ? Invariant($"{half:0.#}") : "never")} / {(figures.TimeTo90 is { } most ? Invariant($"{most:0.#}") : "never")}";
}
