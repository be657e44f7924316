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
    TargetFigure BatchedRate,
    TargetFigure? BatchedAllocation,
    TargetFigure BatchedOverCopy,
    TargetFigure ChainedOverUnchained,
    double BatchedOverBaseline,
    double BatchedOverGrainPath,
    double? TracedOverBatched,
    string Database,
    MachineInfo Machine,
    DateTimeOffset TimestampUtc)
{
    /// <summary>
    /// Issue 19's targets for the batched grain path: events per second, KB allocated per event, and its rate over a
    /// binary COPY of the same rows. Batched over one append per transaction is printed with no target: it moves
    /// whenever the lone append gets cheaper.
    /// </summary>
    public const double RateTarget = 25_000;

    public const double AllocationTargetKilobytes = 12;

    public const double CopyTarget = 0.15;

    /// <summary>
    /// <see cref="RateTarget"/> over the grain path without a journal on the machine issue 19 was written on (87,236
    /// events/s): the absolute target as a share of a rate measured in the same run, so runs on slower or faster
    /// machines can be read against it. Printed for reference, not judged.
    /// </summary>
    public const double RateTargetOverGrainPath = RateTarget / 87_236;

    /// <summary>The hash chain may cost the batched append at most ~15% of its rate.</summary>
    public const double ChainTarget = 0.85;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
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
        new TargetFigure(batched.EventsPerSecond, RateTarget),
        batched.AllocatedBytesPerEvent is { } allocated ? new TargetFigure(allocated / 1024, AllocationTargetKilobytes, AtMost: true) : null,
        TargetFigure.Ratio(batched, copy, CopyTarget),
        TargetFigure.Ratio(batched, unchained, ChainTarget),
        TargetFigure.Over(batched, baseline),
        TargetFigure.Over(batched, withoutJournal),
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
        await JsonSerializer.SerializeAsync(file, this, JsonOptions, ct);
    }
}
