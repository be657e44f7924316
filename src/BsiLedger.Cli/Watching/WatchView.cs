using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BsiLedger.Cli.Watching;

/// <summary>A frame for people: a table redrawn in a terminal, or one line per look when the output is not one.</summary>
public static class WatchView
{
    public static string Line(WatchFrame frame)
    {
        var parts = new List<string> { $"{frame.At:HH:mm:ss} {Text(frame.Release, "release")} {frame.Phase}" };
        var waves = frame.Release.GetProperty("waves");
        if (waves.GetArrayLength() > 0)
        {
            var wave = waves[waves.GetArrayLength() - 1];
            parts.Add(Invariant($"wave {Int(wave, "index") + 1}/{PlannedWaves(frame)} ({Percent(wave.GetProperty("share").GetDouble())}) targeted {Int(wave, "targeted")} installed {Int(wave, "installed")} applied {Int(wave, "applied")} failed {Int(wave, "failed")} awaiting {Int(wave, "awaiting")}"));
            if (Paced(frame, wave) is { } paced)
            {
                parts.Add(paced);
            }
        }

        if (frame.Wave is { } gauge)
        {
            parts.Add(Invariant($"failure rate {Percent(gauge.FailureRate)} of {gauge.Attempts:N0} attempts (halts above {Percent(gauge.Threshold)})"));
        }

        if (frame.Rates is { } rates)
        {
            parts.Add(Invariant($"per second: offers {rates.Offers:F1} installs {rates.Installs:F1} applies {rates.Applies:F1} failures {rates.Failures:F1}"));
        }

        if (Recall(frame) is { } recall)
        {
            parts.Add(recall);
        }

        return string.Join(" · ", parts);
    }

    public static IRenderable Table(WatchFrame frame, bool metricsReadable)
    {
        var waves = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{Text(frame.Release, "release")}: {frame.Phase}"));
        foreach (var column in new[] { "wave", "share", "started", "completed", "targeted", "installed", "applied", "failed", "awaiting" })
        {
            waves.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var wave in frame.Release.GetProperty("waves").EnumerateArray())
        {
            waves.AddRow(
                Invariant($"{Int(wave, "index") + 1}{(wave.GetProperty("halted").GetBoolean() ? " halted" : "")}"),
                Percent(wave.GetProperty("share").GetDouble()),
                Time(wave.GetProperty("startedAt")),
                Time(wave.GetProperty("completedAt")),
                Count(wave, "targeted"),
                Count(wave, "installed"),
                Count(wave, "applied"),
                Count(wave, "failed"),
                Count(wave, "awaiting"));
        }

        var lines = new List<IRenderable> { waves };
        var all = frame.Release.GetProperty("waves");
        if (all.GetArrayLength() > 0 && Paced(frame, all[all.GetArrayLength() - 1]) is { } paced)
        {
            lines.Add(new Markup(Markup.Escape(paced)));
        }
        if (frame.Wave is { } gauge)
        {
            var color = gauge.FailureRate > gauge.Threshold ? "red" : gauge.FailureRate > gauge.Threshold * 0.8 ? "yellow" : "green";
            lines.Add(new Markup(Invariant($"wave {gauge.Wave + 1} failure rate [{color}]{Percent(gauge.FailureRate)}[/] of {gauge.Attempts:N0} attempts; halts above {Percent(gauge.Threshold)}")));
        }

        lines.Add(frame.Rates is { } rates
            ? new Markup(Invariant($"per second: offers {rates.Offers:F1}  installs {rates.Installs:F1}  applies {rates.Applies:F1}  failures {rates.Failures:F1}"))
            : new Markup(metricsReadable ? "per second: measuring…" : "[grey]rates need an sre or operator token (this one may not read /metrics)[/]"));
        if (Recall(frame) is { } recall)
        {
            lines.Add(new Markup(Markup.Escape(recall)));
        }

        lines.Add(new Markup(Markup.Escape($"as of {frame.At:HH:mm:ss} · Ctrl+C to stop")));
        return new Rows(lines);
    }

    private static string? Recall(WatchFrame frame)
    {
        if (!frame.Release.TryGetProperty("recall", out var recall) || recall.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var exposed = Int(recall, "exposed");
        var withdrawn = Int(recall, "withdrawn");
        var pending = frame.RecallPending is { } gauge ? (int)gauge : Int(recall, "pending");
        var done = recall.GetProperty("completedAt").ValueKind != JsonValueKind.Null ? "complete" : "open";
        return Invariant($"recall {done}: exposed {exposed:N0}, withdrawn {withdrawn:N0} ({(exposed == 0 ? 100 : 100.0 * withdrawn / exposed):F1}%), pending {pending:N0}");
    }

    /// <summary>A paced wave's offers so far, its rate now and when its next offers are due (domain time); null for a wave offered at once.</summary>
    private static string? Paced(WatchFrame frame, JsonElement wave)
    {
        if (!wave.TryGetProperty("slice", out var slice) || slice.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var text = Invariant($"offered {Int(wave, "offered"):N0} of {slice.GetInt32():N0}");
        if (wave.TryGetProperty("offerRate", out var rate) && rate.ValueKind == JsonValueKind.Number)
        {
            text += Invariant($" at {rate.GetDouble():0.#}/h");
            if (frame.Release.GetProperty("nextStepAt") is { ValueKind: JsonValueKind.String } next)
            {
                text += $", next offers {next.GetDateTimeOffset().ToUniversalTime():yyyy-MM-dd HH:mm}Z";
            }
        }

        return text;
    }

    private static int PlannedWaves(WatchFrame frame) =>
        frame.Release.TryGetProperty("plan", out var plan) && plan.ValueKind == JsonValueKind.Object ? plan.GetProperty("waves").GetArrayLength() : 0;

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString() ?? "";

    private static int Int(JsonElement element, string property) => element.GetProperty(property).GetInt32();

    private static string Count(JsonElement element, string property) => Int(element, property).ToString("N0", CultureInfo.InvariantCulture);

    private static string Time(JsonElement at) => at.ValueKind == JsonValueKind.Null ? "" : at.GetDateTimeOffset().ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
