using System.Globalization;
using BsiLedger.Domain.Releases;
using BsiLedger.Simulation.WhatIf;

namespace BsiLedger.Cli.WhatIf;

/// <summary>A what-if for a person: the actual rollout and the replay side by side, or a sweep as one row per value.</summary>
public static class WhatIfText
{
    public static void Comparison(TextWriter stdout, WhatIfResult result, DateTimeOffset start)
    {
        stdout.WriteLine($"{result.Release}: the rollout as it happened and replayed under another plan ({Source(result.Ledger)})");
        var rows = new List<(string Figure, string Actual, string Replay)>
        {
            ("plan", string.Join(" ", result.Actual.Plan.Waves), string.Join(" ", result.Replay.Plan.Waves)),
            ("minimum sample", Count(result.Actual.Plan.MinSample), Count(result.Replay.Plan.MinSample)),
        };
        var waves = Math.Max(result.Actual.Waves.Count, result.Replay.Waves.Count);
        for (var i = 0; i < waves; i++)
        {
            rows.Add(($"wave {i + 1}", Wave(result.Actual.Waves.ElementAtOrDefault(i)), Wave(result.Replay.Waves.ElementAtOrDefault(i))));
        }

        rows.AddRange(
        [
            ("halted", Halt(result.Actual.Halted, start), Halt(result.Replay.Halted, start)),
            ("installed", Count(result.Actual.Installed), Count(result.Replay.Installed)),
            ("failed", Count(result.Actual.Failed), Count(result.Replay.Failed)),
            ("exposed (recalled)", Exposure(result.Actual), Exposure(result.Replay)),
            ("unknown outcome", Count(result.Actual.Unknown), Count(result.Replay.Unknown)),
            ("time to 50%", Hours(result.Actual.TimeTo50), Hours(result.Replay.TimeTo50)),
            ("time to 90%", Hours(result.Actual.TimeTo90), Hours(result.Replay.TimeTo90)),
        ]);
        var (figure, actual) = (rows.Max(r => r.Figure.Length), Math.Max("actual".Length, rows.Max(r => r.Actual.Length)));
        stdout.WriteLine($"{"".PadRight(figure)}  {"actual".PadRight(actual)}  replay");
        foreach (var row in rows)
        {
            stdout.WriteLine($"{row.Figure.PadRight(figure)}  {row.Actual.PadRight(actual)}  {row.Replay}");
        }

        stdout.Flush();
    }

    public static void Sweep(TextWriter stdout, SweepResult sweep, DateTimeOffset start, string chart)
    {
        stdout.WriteLine($"{sweep.Release}: {sweep.Parameter} swept, one replay per value");
        string[] header = [sweep.Parameter, "halted", "installed", "failed", "exposed", "unknown", "to 50%", "to 90%"];
        var rows = sweep.Points.Select(p => new[]
        {
            p.Label, Halt(p.Replay.Halted, start), Count(p.Replay.Installed), Count(p.Replay.Failed), Count(p.Replay.Exposed),
            Count(p.Replay.Unknown), Hours(p.Replay.TimeTo50), Hours(p.Replay.TimeTo90),
        }).Prepend(
        [
            "actual", Halt(sweep.Actual.Halted, start), Count(sweep.Actual.Installed), Count(sweep.Actual.Failed), Count(sweep.Actual.Exposed),
            Count(sweep.Actual.Unknown), Hours(sweep.Actual.TimeTo50), Hours(sweep.Actual.TimeTo90),
        ]).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            stdout.WriteLine(string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))));
        }

        stdout.WriteLine($"chart: {chart}");
        stdout.Flush();
    }

    private static string Source(WhatIfLedger ledger) => ledger == WhatIfLedger.Simulation
        ? "a simulated ledger: every device answers as the run's model and seed drew it"
        : "a live ledger: devices keep what they did after the actual offer; those it never reached are unknown";

    private static string Wave(WaveFigures? wave) => wave is null
        ? "-"
        : $"targeted {Count(wave.Targeted)}, installed {Count(wave.Installed)}, applied {Count(wave.Applied)}, failed {Count(wave.Failed)}, skipped {Count(wave.Skipped)}";

    private static string Halt(HaltFigures? halt, DateTimeOffset start) => halt is null
        ? "no"
        : string.Create(CultureInfo.InvariantCulture,
            $"wave {halt.Wave + 1} at T+{(halt.At - start).TotalHours:0.#}h: {halt.Failures:N0} of {halt.Attempts:N0} failed ({RolloutPlan.Percent(halt.Rate)} > {RolloutPlan.Percent(halt.Threshold)})");

    private static string Exposure(RolloutFigures figures) => figures.Exposure is not { } exposure
        ? "-"
        : string.Create(CultureInfo.InvariantCulture,
            $"{exposure.Devices:N0} devices, {exposure.DeviceHours:N0} device-hours, median {exposure.MedianHours:0.#}h, longest {exposure.LongestHours:0.#}h, {exposure.StillHolding:N0} still holding");

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Hours(double? hours) => hours is { } h ? string.Create(CultureInfo.InvariantCulture, $"{h:0.#}h") : "never";
}
