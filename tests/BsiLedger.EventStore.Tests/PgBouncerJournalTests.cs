using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.EventStore.Tests;

/// <summary>
/// The journal and the async daemon behind PgBouncer 1.18 in transaction pooling mode, which keeps no prepared statement
/// from one transaction to the next (docs/operations.md, Poolers).
/// </summary>
public sealed class PgBouncerJournalTests(PgBouncerPostgres pooler) : IClassFixture<PgBouncerPostgres>
{
    private const int Streams = 300;

    private const int Rounds = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_auto_prepare_concurrent_reads_and_group_commits_land_every_event_once()
    {
        var connection = PgBouncerPostgres.WithoutAutoPrepare(await pooler.CreateDatabaseAsync());

        var ids = await ReadAndAppendConcurrentlyAsync(connection);

        Assert.Equal(Streams * Rounds, await StoredRows.TotalAsync(connection));
        Assert.All(ids.Take(10), id => Assert.Equal([1L, 2L, 3L, 4L], StoredRows.VersionsAsync(connection, id).Result));
    }

    [Fact]
    public async Task With_auto_prepare_the_journal_fails_and_the_failure_is_recognised_as_the_poolers()
    {
        // On a pooler with many servers the clash depends on which server each transaction happens to get (and often
        // the statement behind a name is the same one everywhere); on one server, a second client's auto-prepare meets
        // the first one's name for certain. A statement is prepared on its second use rather than its fifth: on a busy
        // machine group commit packs the rounds into so few round trips that five uses may never come.
        var connection = new NpgsqlConnectionStringBuilder(pooler.OneServerConnectionString) { AutoPrepareMinUsages = 2 }.ConnectionString;

        var failed = await Assert.ThrowsAsync<JournalUnavailableException>(() => ReadAndAppendConcurrentlyAsync(connection));

        // Marten wraps some statements' failures in its own MartenCommandException, others it lets through.
        var postgres = Assert.Single(Chain(failed).OfType<PostgresException>());
        Assert.Contains(postgres.SqlState, new[] { PostgresErrorCodes.DuplicatePreparedStatement, PostgresErrorCodes.InvalidSqlStatementName });
        Assert.Contains("\"_auto", postgres.MessageText, StringComparison.Ordinal);
        Assert.True(AutoPrepareBehindPooler.Explains(failed));
    }

    [Fact]
    public Task Without_auto_prepare_the_hot_cold_daemon_holds_its_transaction_scoped_lock_and_catches_up() =>
        AsyncDaemonTests.CatchesUpAsync(PgBouncerPostgres.WithoutAutoPrepare(pooler.ConnectionString), pooler.DirectConnectionString, Ct);

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? link = e; link is not null; link = link.InnerException)
        {
            yield return link;
        }
    }

    /// <summary>Every stream read then appended to, all at once, round after round: many sessions' worth of pooled transactions.</summary>
    private static async Task<string[]> ReadAndAppendConcurrentlyAsync(string connection)
    {
        using var store = LedgerStoreOptions.CreateStore(connection);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var journal = new MartenEventJournal(store, new JournalOptions());
        var ids = Enumerable.Range(0, Streams).Select(_ => UniqueIds.Device("pooled")).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            var correlation = "round-" + round;
            await Task.WhenAll(ids.Select(id => Task.Run(async () =>
            {
                var events = await journal.ReadAsync(id, 0, Ct);
                var head = events.Count == 0 ? StreamHead.Empty : StreamHead.Of(events[^1]);
                await journal.AppendAsync(id, head, [JournalEvents.Installed(id, correlation: correlation)], Ct);
            }, Ct)));
        }

        return ids;
    }
}
