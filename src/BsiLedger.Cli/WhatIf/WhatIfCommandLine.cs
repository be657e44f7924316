using System.CommandLine;
using BsiLedger.Cli.Hosting;
using BsiLedger.Cli.Output;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.Operations.Input;
using BsiLedger.Operations.Releases;
using BsiLedger.Simulation.WhatIf;

namespace BsiLedger.Cli.WhatIf;

/// <summary>
/// <c>bsi whatif RELEASE [--wave …] [--min-sample N] [--sweep P=FROM..TO:STEP] [--chart FILE]</c>: the release's rollout
/// replayed under another plan, beside the rollout as it happened; nothing is appended.
/// </summary>
public static class WhatIfCommandLine
{
    public static Command Build(CommandRunner runner)
    {
        var release = new Argument<string>("RELEASE") { Description = "The release whose rollout is replayed, e.g. \"iOS 26.3.1 (a)\"" };
        var waves = new Option<string[]>("--wave")
        {
            Description = $"A wave of the plan to replay, in order, as {ReleaseInputParsers.WaveForm}; repeat for each wave (none: the actual plan's waves)",
        };
        var minSample = new Option<int?>("--min-sample") { Description = "Install attempts a wave needs before it can halt (default: the actual plan's)" };
        var sweep = new Option<string?>("--sweep") { Description = $"Replay once per value of one parameter: {SweepText.Form}" };
        var chart = new Option<string>("--chart")
        {
            Description = "Where a sweep draws its chart (failed and exposed devices against the time to 90% adoption)",
            DefaultValueFactory = _ => "whatif.png",
        };
        var command = new Command("whatif", "Replay a release's rollout under another plan (or a sweep of plans) against the same devices, in domain time, beside what actually happened")
        {
            release, waves, minSample, sweep, chart,
        };
        runner.Register(command, parse =>
        {
            var id = InputParsers.Release(parse.GetValue(release));
            var waveTexts = parse.GetValue(waves) ?? [];
            var sample = parse.GetValue(minSample);
            var given = waveTexts.Length > 0 ? ReleaseInputParsers.Plan(waveTexts, sample ?? 100) : null;
            var swept = parse.GetValue(sweep) is { } text ? SweepText.Parse(text) : null;
            var chartFile = Path.GetFullPath(parse.GetValue(chart)!);
            return async (ledger, output, ct) =>
            {
                WhatIfReplay replay;
                try
                {
                    replay = await WhatIfReplay.LoadAsync(ledger.ConnectionString, id, ct);
                }
                catch (WhatIfException e) when (e.Refusal == WhatIfRefusal.UnknownRelease)
                {
                    return await CommandOutcomes.RefuseAsync(output, "release", id.ToString(), new ReleaseNotPublished(id));
                }
                catch (WhatIfException e)
                {
                    throw new UsageException(e.Message);
                }

                var plan = given ?? (sample is { } n ? PlanWith(replay.ActualPlan, n) : replay.ActualPlan);
                var start = replay.Start;
                if (swept is null)
                {
                    var result = replay.Compare(plan);
                    output.Write(result, _ => WhatIfText.Comparison(output.Stdout, result, start));
                    return ExitCodes.Done;
                }

                SweepResult points;
                try
                {
                    points = swept.Run(replay, plan);
                }
                catch (ArgumentException e)
                {
                    throw new UsageException(e.Message);
                }

                WhatIfChart.Create(points).SavePng(chartFile, 1200, 800);
                output.Write(points, _ => WhatIfText.Sweep(output.Stdout, points, start, chartFile));
                return ExitCodes.Done;
            };
        }, withSilo: false);
        return command;
    }

    private static RolloutPlan PlanWith(RolloutPlan plan, int minSample) =>
        minSample < 1
            ? throw new UsageException($"--min-sample: {minSample} is not a positive number of install attempts: expected e.g. --min-sample 100")
            : plan with { MinSample = minSample };
}
