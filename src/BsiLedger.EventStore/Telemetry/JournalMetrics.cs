using System.Diagnostics.Metrics;

namespace BsiLedger.EventStore.Telemetry;

/// <summary>What the journal seam measures: events appended, conflicts, and each commit's size and each append's latency.</summary>
public static class JournalMetrics
{
    public const string EventsAppendedName = "bsi.journal.events_appended";

    public static readonly Counter<long> EventsAppended =
        LedgerTelemetry.Meter.CreateCounter<long>(EventsAppendedName, "{event}", "Events appended to the ledger");

    public static readonly Counter<long> Conflicts =
        LedgerTelemetry.Meter.CreateCounter<long>("bsi.journal.conflicts", "{conflict}", "Appends refused because another writer appended first");

    public const string AppendDurationName = "bsi.journal.append.duration";

    public const string AppendBatchSizeName = "bsi.journal.append.batch_size";

    public static readonly Histogram<double> AppendDuration =
        LedgerTelemetry.Meter.CreateHistogram(AppendDurationName, "s", "Time from an append's arrival to its batch being durable",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    public static readonly Histogram<long> AppendBatchSize =
        LedgerTelemetry.Meter.CreateHistogram(AppendBatchSizeName, "{event}", "Events written by one group-commit transaction",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048] });

    public static readonly Histogram<long> CommitStreams =
        LedgerTelemetry.Meter.CreateHistogram("bsi.journal.commit.streams", "{stream}", "Streams written by one group-commit transaction",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });
}
