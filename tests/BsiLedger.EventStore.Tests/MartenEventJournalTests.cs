using BsiLedger.Domain;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;

namespace BsiLedger.EventStore.Tests;

public sealed class MartenEventJournalTests(PostgresFixture postgres) : JournalTest(postgres)
{
    [Fact]
    public async Task Appended_events_read_back_in_order_with_versions_names_and_provenance()
    {
        var id = UniqueIds.Device();
        var enrolled = await Journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id, "corr-a")], Ct);
        var installed = await Journal.AppendAsync(id, enrolled, [JournalEvents.Installed(id, correlation: "corr-b")], Ct);
        Assert.Equal((1, 2), (enrolled.Version, installed.Version));

        var events = await Journal.ReadAsync(id, 0, Ct);

        Assert.Equal([1L, 2L], events.Select(e => e.Version));
        Assert.Equal(["bsi.device-enrolled", "bsi.bsi-installed"], events.Select(e => e.TypeName));
        Assert.IsType<DeviceEnrolled>(events[0].Data);
        Assert.Equal(id, events[1].StreamId);
        Assert.Equal(new Provenance("corr-b", "cmd-corr-b"), events[1].Provenance);
        Assert.Equal(JournalEvents.T0.AddHours(1), ((BsiInstalled)events[1].Data).At);
        Assert.True(events[1].Sequence > events[0].Sequence);
        Assert.Equal([enrolled, installed], events.Select(StreamHead.Of));
    }

    [Fact]
    public async Task Reading_after_a_version_returns_only_the_later_events()
    {
        var id = UniqueIds.Device();
        await Journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id), JournalEvents.Installed(id)], Ct);

        var later = await Journal.ReadAsync(id, 1, Ct);

        Assert.Equal([2L], later.Select(e => e.Version));
    }

    [Fact]
    public async Task An_unknown_stream_reads_as_empty()
    {
        Assert.Empty(await Journal.ReadAsync(UniqueIds.Device(), 0, Ct));
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_writes_nothing()
    {
        var id = UniqueIds.Device();
        await Journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id)], Ct);

        var conflict = await Assert.ThrowsAsync<StreamConflictException>(
            () => Journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Installed(id)], Ct));

        Assert.Equal(id, conflict.StreamId);
        Assert.Equal([1L], await StoredRows.VersionsAsync(Postgres.ConnectionString, id));
    }

    [Fact]
    public async Task Two_writers_racing_on_one_stream_one_wins_and_nothing_is_lost_or_doubled()
    {
        // Two stores are two independent writers (separate connection pools), as two silos would be.
        using var otherStore = LedgerStoreOptions.CreateStore(Postgres.ConnectionString);
        await using var otherJournal = new MartenEventJournal(otherStore, new JournalOptions());
        var writers = new IEventJournal[] { Journal, otherJournal };

        for (var round = 0; round < 30; round++)
        {
            var id = UniqueIds.Device("race");
            var expected = round % 2 == 0 // half the rounds race to create the stream
                ? StreamHead.Empty
                : await Journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id)], Ct);

            using var start = new Barrier(2);
            var attempts = writers.Select((writer, i) => Task.Run(async () =>
            {
                start.SignalAndWait(Ct);
                try
                {
                    await writer.AppendAsync(id, expected, [JournalEvents.Installed(id, correlation: $"writer-{i}")], Ct);
                    return $"writer-{i}";
                }
                catch (StreamConflictException)
                {
                    return null;
                }
            }, Ct)).ToArray();
            var winners = (await Task.WhenAll(attempts)).OfType<string>().ToArray();

            var winner = Assert.Single(winners);
            var stored = await Journal.ReadAsync(id, 0, Ct);
            Assert.Equal(Enumerable.Range(1, (int)expected.Version + 1).Select(v => (long)v), stored.Select(e => e.Version));
            Assert.Equal(winner, stored[^1].Provenance.CorrelationId);
        }
    }
}
