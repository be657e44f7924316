using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.EventStore.Tests.Writer;

/// <summary>
/// An append transaction decides its refusals with plans made for the batch's values, then writes with cached plans:
/// the events insert fires the foreign key's check on <c>mt_streams</c> once per row, and a plan made again for each of
/// those checks was an eighth of PostgreSQL's CPU on the append benchmark.
/// </summary>
public sealed class WritePlanSettingTests(PostgresFixture postgres) : JournalTest(postgres)
{
    [Fact]
    public async Task The_writes_run_on_cached_plans_and_the_decisions_on_plans_for_their_values()
    {
        // One connection in the pool: every batch's statements are prepared on the connection the query below uses.
        using var store = StoreOnOneConnection();
        await using var journal = new MartenEventJournal(store, new JournalOptions());
        var ids = Enumerable.Range(0, 20).Select(_ => UniqueIds.Device()).ToArray();
        var heads = await Task.WhenAll(ids.Select(id => journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id)], Ct)));

        // More batches than PostgreSQL plans a prepared statement for its values before it weighs a generic plan.
        for (var round = 0; round < 10; round++)
        {
            heads = await Task.WhenAll(ids.Select((id, i) => journal.AppendAsync(id, heads[i], [JournalEvents.Installed(id)], Ct)));
        }

        await using var session = store.QuerySession();
        await using var reader = await session.ExecuteReaderAsync(new NpgsqlCommand("""
            select current_setting('plan_cache_mode'),
                (select coalesce(sum(generic_plans), 0) from pg_prepared_statements where statement like 'insert into %mt_events%'),
                (select coalesce(sum(generic_plans), 0) from pg_prepared_statements where statement like 'update %mt_streams%'),
                (select coalesce(sum(custom_plans), 0) from pg_prepared_statements where statement like 'update %mt_streams%')
            """), Ct);
        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal("auto", reader.GetString(0));
        Assert.True(reader.GetInt64(1) > 0, "the events insert was planned again on every execution");
        Assert.Equal(0, reader.GetInt64(2));
        Assert.True(reader.GetInt64(3) > 0, "the streams' update was not prepared: nothing shows how it was planned");
    }
}
