using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.EventStore.Tests;

/// <summary>
/// The batched stream read plans itself on every execution, without JIT, through transaction-local settings. Pooled
/// connections are not reset between uses, so a setting that outlived the read would make every later statement on the
/// connection plan again too.
/// </summary>
public sealed class ReadPlanSettingTests(PostgresFixture postgres) : JournalTest(postgres)
{
    [Fact]
    public async Task The_read_is_planned_on_every_execution_and_the_setting_does_not_outlive_it()
    {
        // One connection in the pool: the statement after the reads runs on the connection they used.
        using var store = StoreOnOneConnection();
        await using var journal = new MartenEventJournal(store, new JournalOptions());
        var ids = Enumerable.Range(0, 50).Select(_ => UniqueIds.Device()).ToArray();
        await Task.WhenAll(ids.Select(id => journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id)], Ct)));

        // More batched reads than Npgsql needs to see a statement before it prepares it, and than PostgreSQL plans a
        // prepared statement for its values before it weighs a generic plan; many streams a read, as under load.
        for (var round = 0; round < 10; round++)
        {
            var reads = await Task.WhenAll(ids.Select(id => journal.ReadAsync(id, 0, Ct)));
            Assert.All(reads, events => Assert.Single(events));
        }

        await using var session = store.QuerySession();
        await using var reader = await session.ExecuteReaderAsync(new NpgsqlCommand("""
            select current_setting('plan_cache_mode'),
                (select setting = reset_val from pg_settings where name = 'jit'),
                (select coalesce(sum(generic_plans), 0) from pg_prepared_statements where statement like '%cross join lateral%'),
                (select coalesce(sum(custom_plans), 0) from pg_prepared_statements where statement like '%cross join lateral%')
            """), Ct);
        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal("auto", reader.GetString(0));
        Assert.True(reader.GetBoolean(1), "the read's JIT setting outlived it");
        Assert.Equal(0, reader.GetInt64(2));
        Assert.True(reader.GetInt64(3) > 0, "the read was not prepared: nothing shows how it was planned");
    }
}
