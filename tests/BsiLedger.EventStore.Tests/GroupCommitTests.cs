using System.Diagnostics;
using BsiLedger.Domain;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.EventStore.Tests;

public sealed class GroupCommitTests(PostgresFixture postgres) : JournalTest(postgres)
{
    [Fact]
    public async Task A_batch_writes_every_stream_in_one_transaction()
    {
        var batch = Enumerable.Range(0, 50).Select(_ => NewStream()).ToList();

        await Journal.CommitAsync([.. batch]);

        Assert.All(batch, append => Assert.Equal(2, append.Outcome.Result.Version));
        Assert.Equal(1, await TransactionsAsync(batch.Select(a => a.StreamId)));
        Assert.All(batch, append => Assert.Equal([1L, 2L], StoredRows.VersionsAsync(Postgres.ConnectionString, append.StreamId).Result));
    }

    [Fact]
    public async Task A_conflict_refuses_only_the_stale_streams_and_commits_the_rest()
    {
        var existing = UniqueIds.Device("taken");
        var behind = UniqueIds.Device("behind");
        await Journal.AppendAsync(existing, StreamHead.Empty, [JournalEvents.Enrolled(existing)], Ct);
        await Journal.AppendAsync(behind, StreamHead.Empty, [JournalEvents.Enrolled(behind), JournalEvents.Installed(behind)], Ct);
        var fresh = Enumerable.Range(0, 20).Select(_ => NewStream()).ToList();
        var stale = new[]
        {
            Pending(existing, StreamHead.Empty, JournalEvents.Enrolled(existing)),
            Pending(behind, new StreamHead(1, EventHash.None), JournalEvents.Installed(behind)),
        };

        await Journal.CommitAsync([.. fresh.Take(10), stale[0], .. fresh.Skip(10), stale[1]]);

        Assert.All(fresh, append => Assert.Equal(2, append.Outcome.Result.Version));
        foreach (var refused in stale)
        {
            var conflict = await Assert.ThrowsAsync<StreamConflictException>(() => refused.Outcome);
            Assert.Equal(refused.StreamId, conflict.StreamId);
        }

        Assert.Equal([1L], await StoredRows.VersionsAsync(Postgres.ConnectionString, existing));
        Assert.Equal([1L, 2L], await StoredRows.VersionsAsync(Postgres.ConnectionString, behind));
        // A collision does not name its stream, so the batch is halved around it, not split stream by stream.
        Assert.InRange(await TransactionsAsync(fresh.Select(a => a.StreamId)), 1, fresh.Count / 2);
    }

    [Fact]
    public async Task Two_appends_to_one_stream_in_one_batch_one_wins_and_nothing_doubles()
    {
        var id = UniqueIds.Device("twice");
        var first = Pending(id, StreamHead.Empty, JournalEvents.Enrolled(id, "first"));
        var second = Pending(id, StreamHead.Empty, JournalEvents.Enrolled(id, "second"));

        await Journal.CommitAsync([first, second]);

        Assert.Equal(1, (await first.Outcome).Version);
        await Assert.ThrowsAsync<StreamConflictException>(() => second.Outcome);
        var stored = await Journal.ReadAsync(id, 0, Ct);
        Assert.Equal("first", Assert.Single(stored).Provenance.CorrelationId);
    }

    [Fact]
    public async Task Appends_arriving_together_share_transactions_and_each_lands_once()
    {
        var ids = Enumerable.Range(0, 300).Select(_ => UniqueIds.Device("together")).ToArray();

        var versions = await Task.WhenAll(ids.Select(id => Task.Run(
            () => Journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id), JournalEvents.Installed(id)], Ct), Ct)));

        Assert.All(versions, head => Assert.Equal(2, head.Version));
        Assert.Equal(600, await RowsAsync(ids));
        Assert.InRange(await TransactionsAsync(ids), 1, ids.Length / 3);
    }

    [Fact]
    public async Task A_recall_and_an_install_of_its_release_in_one_batch_store_the_install_before_the_recall()
    {
        var release = new ReleaseId(Platform.iOS, OsVersion.Parse(UniqueIds.BaseVersion()), 'a');
        var stream = release.ToString();
        await Journal.AppendAsync(stream, StreamHead.Empty, [ReleaseEvent(new ReleasePublished(release, ["WebKit"], [], Activation.Restart, null, JournalEvents.T0, Cause.Operator("it")))], Ct);
        var device = UniqueIds.Device("gate");
        await Journal.AppendAsync(device, StreamHead.Empty, [JournalEvents.Enrolled(device)], Ct);
        var published = (await Journal.ReadAsync(stream, 0, Ct))[^1];
        var enrolled = (await Journal.ReadAsync(device, 0, Ct))[^1];
        var recall = Pending(stream, StreamHead.Of(published), ReleaseEvent(new RecallIssued(release, "recall-1", "breaks sign-in", JournalEvents.T0.AddHours(2), Cause.Operator("it"))));
        var install = Pending(device, StreamHead.Of(enrolled), JournalEvents.Installed(device, stream));

        // The recall first in the batch: in one transaction its row would take the lower sequence number.
        await Journal.CommitAsync([recall, install]);

        await recall.Outcome;
        await install.Outcome;
        var recalledAt = await ScalarAsync($"select seq_id from {LedgerStoreOptions.Schema}.mt_events where stream_id = any(@ids) and type = '{LedgerEventTypes.NameOf<RecallIssued>()}'", [stream]);
        var installedAt = await ScalarAsync($"select seq_id from {LedgerStoreOptions.Schema}.mt_events where stream_id = any(@ids) and type = '{LedgerEventTypes.NameOf<BsiInstalled>()}'", [device]);
        Assert.True(installedAt < recalledAt, $"the install (seq {installedAt}) was stored after the recall (seq {recalledAt})");
    }

    [Fact]
    public async Task Reads_arriving_together_each_get_their_own_stream_after_their_own_version()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => UniqueIds.Device("read")).ToArray();
        await Task.WhenAll(ids.Select(id => Journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id), JournalEvents.Installed(id)], Ct)));

        var reads = await Task.WhenAll(ids.Select((id, i) => Journal.ReadAsync(id, i % 3, Ct)));

        for (var i = 0; i < ids.Length; i++)
        {
            Assert.All(reads[i], e => Assert.Equal(ids[i], e.StreamId));
            Assert.Equal(Enumerable.Range(i % 3 + 1, 2 - i % 3).Select(v => (long)v), reads[i].Select(e => e.Version));
        }
    }

    [Fact]
    public async Task A_store_that_cannot_be_reached_fails_every_append_in_the_batch_as_unavailable_once_its_tolerance_is_spent()
    {
        var dead = new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Port = FreeTcpPort.Pick(), Timeout = 2 }.ConnectionString;
        using var store = LedgerStoreOptions.CreateStore(dead);
        await using var journal = new MartenEventJournal(store, new JournalOptions { OutageTolerance = TimeSpan.FromSeconds(1) });
        var batch = Enumerable.Range(0, 5).Select(_ => NewStream()).ToList();

        await journal.CommitAsync([.. batch]);

        foreach (var append in batch)
        {
            var unavailable = await Assert.ThrowsAsync<JournalUnavailableException>(() => append.Outcome);
            // The wait is whole seconds of at least the tolerance: a loaded machine rounds 1.6 s up to 2.
            Assert.Matches(@"after waiting [1-9]\d* s for the database", unavailable.Message);
        }
    }

    private static JournalEvent ReleaseEvent(IReleaseEvent data) => new(data, new Provenance("c-release", "cmd-" + Guid.NewGuid().ToString("N")));

    private PendingAppend NewStream()
    {
        var id = UniqueIds.Device("batch");
        return Pending(id, StreamHead.Empty, JournalEvents.Enrolled(id), JournalEvents.Installed(id));
    }

    private PendingAppend Pending(string id, StreamHead expected, params JournalEvent[] events) => Journal.Chain(id, expected, events, default(ActivityContext));

    private async Task<long> TransactionsAsync(IEnumerable<string> streams) =>
        await ScalarAsync($"select count(distinct xmin::text) from {LedgerStoreOptions.Schema}.mt_events where stream_id = any(@ids)", streams);

    private async Task<long> RowsAsync(IEnumerable<string> streams) =>
        await ScalarAsync($"select count(*) from {LedgerStoreOptions.Schema}.mt_events where stream_id = any(@ids)", streams);

    private async Task<long> ScalarAsync(string sql, IEnumerable<string> streams)
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", streams.ToArray());
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
