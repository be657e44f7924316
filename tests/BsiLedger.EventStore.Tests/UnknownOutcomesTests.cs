using System.Diagnostics;
using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;

namespace BsiLedger.EventStore.Tests;

/// <summary>After a commit whose outcome is unknown, each append is settled from its stream, never sent again blindly.</summary>
public sealed class UnknownOutcomesTests(PostgresFixture postgres) : JournalTest(postgres)
{
    [Fact]
    public async Task An_append_that_committed_is_recognised_by_its_own_first_event()
    {
        var append = NewStream();
        await Journal.CommitAsync([append]);
        var settled = new List<PendingAppend>();

        var again = await new UnknownOutcomes(Store).SettleAsync([append], settled.Add);

        Assert.Empty(again);
        Assert.Same(append, Assert.Single(settled));
    }

    [Fact]
    public async Task An_append_that_never_reached_the_stream_is_handed_back_to_go_again()
    {
        var append = NewStream();
        var settled = new List<PendingAppend>();

        var again = await new UnknownOutcomes(Store).SettleAsync([append], settled.Add);

        Assert.Same(append, Assert.Single(again));
        Assert.Empty(settled);
        Assert.False(append.Outcome.IsCompleted);
    }

    [Fact]
    public async Task An_append_whose_version_another_writer_took_is_a_conflict()
    {
        var id = UniqueIds.Device("taken");
        var winner = Journal.Chain(id, StreamHead.Empty, [JournalEvents.Enrolled(id, "winner")], default(ActivityContext));
        var loser = Journal.Chain(id, StreamHead.Empty, [JournalEvents.Enrolled(id, "loser")], default(ActivityContext));
        await Journal.CommitAsync([winner]);
        var settled = new List<PendingAppend>();

        var again = await new UnknownOutcomes(Store).SettleAsync([loser], settled.Add);

        Assert.Empty(again);
        Assert.Empty(settled);
        var conflict = await Assert.ThrowsAsync<StreamConflictException>(() => loser.Outcome);
        Assert.Equal(id, conflict.StreamId);
        Assert.Equal([1L], await StoredRows.VersionsAsync(Postgres.ConnectionString, id));
    }

    [Fact]
    public async Task A_batch_is_settled_stream_by_stream()
    {
        var committed = NewStream();
        var lost = NewStream();
        var existing = UniqueIds.Device("existing");
        await Journal.AppendAsync(existing, StreamHead.Empty, [JournalEvents.Enrolled(existing)], Ct);
        var head = (await Journal.ReadAsync(existing, 0, Ct))[^1];
        var next = Journal.Chain(existing, StreamHead.Of(head), [JournalEvents.Installed(existing)], default(ActivityContext));
        await Journal.CommitAsync([committed]);
        var settled = new List<PendingAppend>();

        var again = await new UnknownOutcomes(Store).SettleAsync([committed, lost, next], settled.Add);

        Assert.Equal([lost, next], again);
        Assert.Equal([committed], settled);
    }

    private PendingAppend NewStream()
    {
        var id = UniqueIds.Device("unknown");
        return Journal.Chain(id, StreamHead.Empty, [JournalEvents.Enrolled(id), JournalEvents.Installed(id)], default(ActivityContext));
    }
}
