using System.Diagnostics;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Telemetry;
using BsiLedger.Testing;

namespace BsiLedger.EventStore.Tests;

/// <summary>
/// One commit serves appends from many traces: it joins the first sampled caller's trace, links the others, and the
/// database command runs under it.
/// </summary>
public sealed class CommitSpanTests(PostgresFixture postgres) : JournalTest(postgres)
{
    [Fact]
    public async Task A_commit_joins_the_first_sampled_callers_trace_links_the_others_and_holds_the_database_command()
    {
        var unsampled = Caller(ActivityTraceFlags.None);
        var sampled = Caller(ActivityTraceFlags.Recorded);
        var later = Caller(ActivityTraceFlags.Recorded);
        var traces = new[] { unsampled.TraceId, sampled.TraceId, later.TraceId }.ToHashSet();
        using var recorded = new RecordedSpans(traces, LedgerTelemetry.Name, "Npgsql");

        await Journal.CommitAsync([Append(unsampled), Append(sampled), Append(later)]);

        var commit = Assert.Single(recorded.Spans, s => s.OperationName == "journal.commit");
        Assert.Equal(sampled.TraceId, commit.TraceId);
        Assert.Equal(sampled.SpanId, commit.ParentSpanId);
        Assert.Equal([unsampled.SpanId, later.SpanId], commit.Links.Select(l => l.Context.SpanId));
        Assert.Contains(recorded.Spans, s => s.Source.Name == "Npgsql" && s.ParentSpanId == commit.SpanId);
    }

    private static ActivityContext Caller(ActivityTraceFlags flags) => new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), flags);

    private PendingAppend Append(ActivityContext caller)
    {
        var id = UniqueIds.Device("traced");
        return Journal.Chain(id, StreamHead.Empty, [JournalEvents.Enrolled(id)], caller);
    }
}
