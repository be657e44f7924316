using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.EventStore.Tests;

/// <summary>
/// A journal under load while its PostgreSQL restarts (a fast shutdown, which ends every session and rolls back what is
/// in flight) or has every connection terminated: it waits the database out, settles what was in flight, and every
/// append lands exactly once.
/// </summary>
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private const int Writers = 64;
    private const int AppendsPerWriter = 30;

    private RestartablePostgres _postgres = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _postgres = await RestartablePostgres.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task Appends_in_flight_through_a_server_restart_each_land_once()
    {
        using var store = LedgerStoreOptions.CreateStore(_postgres.ConnectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var journal = new MartenEventJournal(store, new JournalOptions());
        var streams = Enumerable.Range(0, Writers).Select(_ => UniqueIds.Device("restart")).ToArray();

        var writing = Task.WhenAll(streams.Select(id => Task.Run(() => AppendManyAsync(journal, id), Ct)));
        await WaitForRowsAsync(Writers * AppendsPerWriter / 4, writing);
        await _postgres.RestartAsync(TimeSpan.FromSeconds(1), Ct);
        await writing;

        await AssertEachAppendLandedOnceAsync(streams);
    }

    [Fact]
    public async Task Appends_in_flight_when_every_connection_is_terminated_each_land_once()
    {
        using var store = LedgerStoreOptions.CreateStore(_postgres.ConnectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var journal = new MartenEventJournal(store, new JournalOptions());
        var streams = Enumerable.Range(0, Writers).Select(_ => UniqueIds.Device("terminated")).ToArray();

        var writing = Task.WhenAll(streams.Select(id => Task.Run(() => AppendManyAsync(journal, id), Ct)));
        for (var i = 1; i <= 3; i++)
        {
            await WaitForRowsAsync(Writers * AppendsPerWriter * i / 4, writing);
            await _postgres.TerminateLedgerConnectionsAsync(Ct);
        }

        await writing;

        await AssertEachAppendLandedOnceAsync(streams);
        // Marten fills the sequence numbers the failed transactions drew with tombstones: not the ledger's events.
        var report = await new LedgerVerifier(_postgres.ConnectionString).VerifyAsync(null, null, Ct);
        Assert.True(report.Intact, string.Join("; ", report.Findings.Select(f => $"{f.StreamId} v{f.Version}: {f.Problem}")));
        Assert.Equal(Writers * AppendsPerWriter, report.Events);
    }

    [Fact]
    public async Task A_server_that_stays_down_past_the_tolerance_fails_the_append_as_unavailable()
    {
        using var store = LedgerStoreOptions.CreateStore(_postgres.ConnectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var journal = new MartenEventJournal(store, new JournalOptions { OutageTolerance = TimeSpan.FromSeconds(2) });
        var id = UniqueIds.Device("down");
        await journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id)], Ct);
        var head = StreamHead.Of((await journal.ReadAsync(id, 0, Ct))[^1]);
        await _postgres.StopAsync();
        try
        {
            var unavailable = await Assert.ThrowsAsync<JournalUnavailableException>(
                () => journal.AppendAsync(id, head, [JournalEvents.Installed(id)], Ct));

            Assert.Contains("after waiting 2 s for the database", unavailable.Message, StringComparison.Ordinal);
        }
        finally
        {
            await _postgres.StartAgainAsync(Ct);
        }
    }

    /// <summary>One device's events one after another, each conditional on the head the last one left, as a grain appends.</summary>
    private static async Task AppendManyAsync(MartenEventJournal journal, string id)
    {
        var head = StreamHead.Empty;
        for (var i = 0; i < AppendsPerWriter; i++)
        {
            var events = i == 0 ? [JournalEvents.Enrolled(id)] : new[] { JournalEvents.Installed(id, correlation: $"c-{i}") };
            head = await journal.AppendAsync(id, head, events, CancellationToken.None);
        }
    }

    private async Task AssertEachAppendLandedOnceAsync(IEnumerable<string> streams)
    {
        var database = _postgres.Unpooled();
        foreach (var id in streams)
        {
            Assert.Equal(Enumerable.Range(1, AppendsPerWriter).Select(v => (long)v), await StoredRows.VersionsAsync(database, id));
        }
    }

    /// <summary>Until the writers have stored <paramref name="rows"/>; a writer that failed first fails the test with its error.</summary>
    private async Task WaitForRowsAsync(long rows, Task writing)
    {
        var database = _postgres.Unpooled();
        while (await StoredRows.TotalAsync(database) < rows)
        {
            if (writing.IsCompleted)
            {
                await writing;
                Assert.Fail($"the writers finished before storing {rows} rows");
            }

            await Task.Delay(20, Ct);
        }
    }
}
