using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BsiLedger.Bench;

/// <summary>A run's figures as written to the results file.</summary>
public sealed record BenchReport(
    int Devices,
    int EventsPerDevice,
    int Concurrency,
    PhaseResult Batched,
    PhaseResult? Traced,
    PhaseResult Unchained,
    PhaseResult Baseline,
    PhaseResult Copy,
    PhaseResult WithoutJournal,
    EventTime EventTime,
    TargetRatio BatchedOverBaseline,
    TargetRatio BatchedOverCopy,
    TargetRatio ChainedOverUnchained,
    double? TracedOverBatched,
    string Database,
    MachineInfo Machine,
    DateTimeOffset TimestampUtc)
{
    /// <summary>Group commit should append at least ten times as fast as one transaction per append…</summary>
    public const double BaselineTarget = 10;

    /// <summary>…and at least 30% as fast as copying the same rows straight into the table.</summary>
    public const double CopyTarget = 0.30;

    /// <summary>The hash chain may cost the batched append at most ~15% of its rate.</summary>
    public const double ChainTarget = 0.85;

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A file for people and scripts, never embedded in HTML: keep "+" and the like readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static BenchReport Create(
        BenchOptions options, PhaseResult batched, PhaseResult? traced, PhaseResult unchained, PhaseResult baseline, PhaseResult copy, PhaseResult withoutJournal, string database, MachineInfo machine) => new(
        options.Devices,
        DeviceScript.EventsPerDevice,
        options.Concurrency,
        batched,
        traced,
        unchained,
        baseline,
        copy,
        withoutJournal,
        EventTime.Split(batched, withoutJournal),
        TargetRatio.Of(batched, baseline, BaselineTarget),
        TargetRatio.Of(batched, copy, CopyTarget),
        TargetRatio.Of(batched, unchained, ChainTarget),
        traced is null || batched.EventsPerSecond == 0 ? null : traced.EventsPerSecond / batched.EventsPerSecond,
        database,
        machine,
        TimeProvider.System.GetUtcNow());

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
