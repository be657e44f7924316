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

    public static readonly Histogram<double> AppendDuration =
        LedgerTelemetry.Meter.CreateHistogram<double>("bsi.journal.append.duration", "s", "Time of one append round trip");

    public static readonly Histogram<long> AppendBatchSize =
        LedgerTelemetry.Meter.CreateHistogram<long>("bsi.journal.append.batch_size", "{event}", "Events written by one append round trip");

    public static readonly Histogram<long> CommitStreams =
        LedgerTelemetry.Meter.CreateHistogram<long>("bsi.journal.commit.streams", "{stream}", "Streams written by one group-commit transaction");
}
