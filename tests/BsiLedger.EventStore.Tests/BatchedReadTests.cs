using System.Diagnostics;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Telemetry;
using BsiLedger.Testing;

namespace BsiLedger.EventStore.Tests;

/// <summary>Reads gathered into one statement fetch each stream only from the earliest version asked of it.</summary>
public sealed class BatchedReadTests(PostgresFixture postgres) : JournalTest(postgres)
{
    [Fact]
    public async Task A_stream_read_whole_does_not_make_its_batch_mates_fetch_events_their_callers_hold()
    {
        var (whole, tail) = (UniqueIds.Device("whole"), UniqueIds.Device("tail"));
        await Journal.AppendAsync(whole, StreamHead.Empty, [JournalEvents.Enrolled(whole)], Ct);
        var installs = Enumerable.Range(1, 4).Select(i => JournalEvents.Installed(tail, $"iOS 26.3.1 ({(char)('a' + i)})"));
        await Journal.AppendAsync(tail, StreamHead.Empty, [JournalEvents.Enrolled(tail), .. installs], Ct);
        var caller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        using var recorded = new RecordedSpans(new HashSet<ActivityTraceId> { caller.TraceId }, LedgerTelemetry.Name);
        var reads = new List<PendingRead> { new(whole, 0, caller), new(tail, 4, caller), new(tail, 3, caller) };

        await Journal.ReadBatchAsync(reads);

        Assert.Equal([[1], [5], [4, 5]], reads.Select(r => r.Outcome.Result.Select(e => e.Version).ToArray()));
        var batch = Assert.Single(recorded.Spans, s => s.OperationName == "journal.read_batch");
        // One event of the whole stream and the two the earliest read of the other asks for; not all five of it.
        Assert.Equal(3, batch.GetTagItem("bsi.events"));
    }
}
