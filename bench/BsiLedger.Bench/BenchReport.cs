using System.Runtime.InteropServices;
using System.Text.Json;

namespace BsiLedger.Bench;

/// <summary>A run's figures as written to the results file.</summary>
public sealed record BenchReport(
    int Devices,
    int Concurrency,
    PhaseResult GrainPath,
    PhaseResult Baseline,
    double Ratio,
    MachineInfo Machine,
    DateTimeOffset TimestampUtc)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static BenchReport Create(BenchOptions options, PhaseResult grainPath, PhaseResult baseline, DateTimeOffset now) => new(
        options.Devices,
        options.Concurrency,
        grainPath,
        baseline,
        baseline.EventsPerSecond > 0 ? grainPath.EventsPerSecond / baseline.EventsPerSecond : 0,
        new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription),
        now);

    public async Task WriteAsync(string path, CancellationToken ct)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, _json, ct);
    }
}
