using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BsiLedger.ApiLoad;

/// <summary>A load run's figures, for a reader and as JSON.</summary>
public sealed record LoadReport(LoadOptions Options, PhaseFigures Floor, PhaseFigures Reports, int Processors, DateTimeOffset TimestampUtc)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A device report's throughput over the floor's: what the ledger's work costs on top of a round trip.</summary>
    public double ReportsOverFloor => Floor.RequestsPerSecond > 0 ? Reports.RequestsPerSecond / Floor.RequestsPerSecond : 0;

    public void WriteTable(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(Format($"{"phase",-46} {"requests",9} {"req/s",8} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8}  statuses"));
        Row(output, Floor);
        Row(output, Reports);
        output.WriteLine();
        output.WriteLine(Format($"device reports / health round trips: {ReportsOverFloor * 100:F1}% of the throughput"));
        output.WriteLine(Format($"{Options.Devices} devices, {Options.Concurrency} requests in flight, server and load on the same {Processors} processors (loopback)."));
    }

    public async Task WriteAsync(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, JsonOptions);
    }

    private static void Row(TextWriter output, PhaseFigures phase) =>
        output.WriteLine(Format($"{phase.Phase,-46} {phase.Requests,9} {phase.RequestsPerSecond,8:F0} {phase.P50,8:F1} {phase.P90,8:F1} {phase.P99,8:F1} {phase.Max,8:F1}  {string.Join(", ", phase.Statuses.Select(s => $"{s.Key}: {s.Value}"))}"));

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
