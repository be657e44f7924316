using System.CommandLine;
using System.Globalization;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Output;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.Grains.Releases;
using BsiLedger.Grains.Releases.Reports;
using BsiLedger.Operations.Input;
using BsiLedger.Operations.Releases;
using Spectre.Console;

namespace BsiLedger.Cli.Releases;

/// <summary>
/// <c>bsi release status</c>: the rollout as it stands once every step due on the domain clock has been taken
/// (a fresh process catches the rollout up), as <see cref="ReleaseDocument"/> has it.
/// </summary>
public static class ReleaseStatus
{
    public static Command Build(CommandRunner runner, Argument<string> id)
    {
        var command = new Command("status", "A release's rollout: waves and their counts, any halt, any recall (due steps are taken first)") { id };
        runner.Register(command, parse =>
        {
            var release = InputParsers.Release(parse.GetValue(id));
            return async (ledger, output, _) =>
            {
                var snapshot = await ledger.Grains.GetGrain<IReleaseGrain>(release.ToString()).Advance();
                if (!snapshot.Release.IsPublished)
                {
                    return await CommandOutcomes.RefuseAsync(output, "release", release.ToString(), new ReleaseNotPublished(release));
                }

                output.Write(ReleaseDocument.Of(snapshot), console => Render(console, snapshot));
                return ExitCodes.Done;
            };
        });
        return command;
    }

    public static void Render(IAnsiConsole console, ReleaseSnapshot snapshot)
    {
        var release = snapshot.Release;
        var report = ReleaseReport.From(snapshot);

        var facts = new Table().AddColumns("field", "value").HideHeaders();
        facts.AddRow("release", Markup.Escape(report.Release));
        facts.AddRow("phase", report.Phase);
        facts.AddRow("components", Markup.Escape(string.Join(", ", release.Components)));
        facts.AddRow("CVEs", Markup.Escape(release.Cves.IsDefaultOrEmpty ? "none" : string.Join(", ", release.Cves)));
        facts.AddRow("activation", release.Activation.ToString().ToLowerInvariant());
        facts.AddRow("supersedes", Markup.Escape(release.Supersedes?.ToString() ?? "nothing"));
        facts.AddRow("plan", release.Plan is { } plan
            ? Markup.Escape(string.Join("  ", plan.Waves.Select(w => $"{RolloutPlan.Percent(w.Share)}:{Durations.Format(w.Soak)}:{RolloutPlan.Percent(w.FailureThreshold)}"
                + (w.Pacing is { } pacing ? $" ({pacing.Describe()})" : "")))
                + $"  (min sample {plan.MinSample})")
            : "none yet");
        facts.AddRow("next step", report.NextStepAt is { } next ? Time(next) : "none due by itself");
        facts.AddRow("stream version", snapshot.Version.ToString(CultureInfo.InvariantCulture));
        facts.AddRow("domain time", Time(snapshot.At));
        console.Write(facts);

        if (!report.Waves.IsEmpty)
        {
            console.Write(Waves(report.Waves));
        }
        else
        {
            console.WriteLine("no wave has started");
        }

        if (report.Halted is { } h)
        {
            console.MarkupLine(
                $"[red]halted[/] in wave {h.Wave + 1} at {Time(h.At)}: {h.Failures} of {h.Attempts} install attempts failed "
                + $"({RolloutPlan.Percent(h.FailureRate)}), over the threshold of {RolloutPlan.Percent(h.Threshold)}"
                + (h.NotOffered is > 0 ? $"; {Number(h.NotOffered.Value)} devices of the wave were never offered it" : "")
                + "; resume it with bsi release resume");
        }

        if (report.Recall is { } r)
        {
            var recall = new Table().AddColumns("recall", "value").HideHeaders();
            recall.AddRow("recall", Markup.Escape(r.RecallId));
            recall.AddRow("reason", Markup.Escape(r.Reason));
            recall.AddRow("issued", Time(r.IssuedAt));
            recall.AddRow("completed", r.CompletedAt is { } done ? Time(done) : "[yellow]open[/]: devices still hold the release");
            recall.AddRow("exposed", Number(r.Exposed));
            recall.AddRow("withdrawn", Number(r.Withdrawn));
            recall.AddRow("pending", r.Pending > 0 ? $"[yellow]{Number(r.Pending)}[/] (withdrawn at their next check-in)" : "0");
            recall.AddRow("settled otherwise", Number(r.Settled));
            console.Write(recall);
        }
    }

    /// <summary>One column per wave (a plan has few), one row per figure, so the table stays narrow.</summary>
    private static Table Waves(IReadOnlyList<WaveReport> waves)
    {
        var table = new Table().AddColumn("wave");
        foreach (var w in waves)
        {
            table.AddColumn(new TableColumn(Number(w.Index + 1)).RightAligned());
        }

        void Row(string figure, Func<WaveReport, string> cell) => table.AddRow([figure, .. waves.Select(cell)]);
        Row("share", w => RolloutPlan.Percent(w.Share));
        Row("started", w => Time(w.StartedAt));
        Row("completed", w => w.CompletedAt is { } completed ? Time(completed) : "soaking");
        Row("targeted", w => Number(w.Targeted));
        Row("installed", w => Number(w.Installed));
        Row("applied", w => Number(w.Applied));
        Row("failed", w => Number(w.Failed));
        Row("awaiting report", w => Number(w.Awaiting));
        Row("skipped: auto-install off", w => Number(w.Skipped.AutoInstallOff));
        Row("skipped: MDM forbids", w => Number(w.Skipped.MdmForbids));
        Row("skipped: ineligible", w => Number(w.Skipped.Ineligible));
        Row("skipped: offline", w => Number(w.Skipped.Offline));
        Row("halted", w => w.Halted ? "[red]yes[/]" : "no");
        if (waves.Any(w => w.Slice is not null))
        {
            Row("paced: offered", w => w is { Slice: { } slice, Offered: { } offered } ? $"{Number(offered)} of {Number(slice)}" : "all at once");
            Row("paced: rate now", w => w.OfferRate is { } rate ? $"{rate.ToString("0.#", CultureInfo.InvariantCulture)}/h" : "-");
        }

        return table;
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z";
}
