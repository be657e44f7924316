using System.Globalization;
using BsiLedger.EventStore.ReadModels;

namespace BsiLedger.Cli.Audit;

/// <summary><c>audit exposed --csv</c>: one line per window, times in ISO-8601 UTC, durations in seconds.</summary>
public static class ExposureCsv
{
    public static async Task WriteAsync(TextWriter writer, IReadOnlyList<ExposureWindow> windows)
    {
        await writer.WriteLineAsync("device,release,from,to,duration_seconds,ending,recall_id");
        foreach (var w in windows)
        {
            await writer.WriteLineAsync(string.Join(',',
                Field(w.DeviceId),
                Field(w.Release),
                w.From.ToString("O", CultureInfo.InvariantCulture),
                w.To?.ToString("O", CultureInfo.InvariantCulture) ?? "",
                w.To is { } to ? (to - w.From).TotalSeconds.ToString(CultureInfo.InvariantCulture) : "",
                w.Ending?.ToString() ?? "",
                Field(w.RecallId ?? "")));
        }
    }

    // Release ids hold spaces and parentheses but never quotes or commas; quote every text field anyway, so a spreadsheet never splits one.
    private static string Field(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
