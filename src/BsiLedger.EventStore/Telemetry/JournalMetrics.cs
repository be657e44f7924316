using System.Diagnostics.Metrics;

namespace BsiLedger.EventStore.Telemetry;

/// <summary>What the journal seam measures: events appended, conflicts, and each commit's size and each append's latency.</summary>
public static class JournalMetrics
{
    public const string EventsAppendedName = "bsi.journal.events_appended";

    public static readonly Counter<long> EventsAppended =
        LedgerTelemetry.Meter.CreateCounter<long>(EventsAppendedName, "{event}", "Events appended to the ledger");

    private static long _conflicts;

    /// <summary>
    /// Observed rather than added to, so that it reads 0 from the first scrape: a counter appears only once something
    /// is added, and an SRE's rate() and alert on conflicts need the series before the first conflict comes.
    /// </summary>
    public static readonly ObservableCounter<long> Conflicts =
        LedgerTelemetry.Meter.CreateObservableCounter("bsi.journal.conflicts", () => Interlocked.Read(ref _conflicts), "{conflict}",
            "Appends refused because another writer appended first");

    public static void CountConflict() => Interlocked.Increment(ref _conflicts);

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
