using BsiLedger.Domain.Devices;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.EventStore.Tests.Index;

/// <summary>
/// The fleet registry keeps each member's line and bucket in columns of their own, which a shard's slice is read from.
/// A ledger written before they existed holds its registry in the JSON alone: opening it fills the columns, so no
/// member goes missing from a wave.
/// </summary>
public sealed class FleetRegistryColumnsTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_registry_written_before_the_columns_is_filled_when_the_ledger_is_opened()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var devices = Enumerable.Range(0, 40).Select(_ => UniqueIds.Device()).ToArray();
        await using (var store = LedgerStoreOptions.CreateStore(connectionString))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await using var journal = new MartenEventJournal(store, new JournalOptions());
            await Task.WhenAll(devices.Select(id => journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id)], Ct)));
        }

        await WindBackAsync(connectionString);

        await using (var store = LedgerStoreOptions.CreateStore(connectionString))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var index = new MartenLedgerIndex(store, new JournalOptions());
            var (from, to) = FleetPartition.BucketsOf(0, 2);
            var expected = devices.Where(id => FleetPartition.BucketOf(id) is var bucket && bucket >= from && bucket < to).Order(StringComparer.Ordinal);

            var members = await index.FleetMembersAsync("iOS 26.3.1", from, to, Ct);

            Assert.NotEmpty(members);
            Assert.Equal(expected, members.Order(StringComparer.Ordinal));
        }
    }

    /// <summary>The registry as the ledger kept it before: no line or bucket columns, the JSON indexed instead.</summary>
    private static async Task WindBackAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"""
            drop index {LedgerStoreOptions.Schema}.mt_doc_fleetmember_idx_line_bucket;
            alter table {LedgerStoreOptions.Schema}.mt_doc_fleetmember drop column line, drop column bucket;
            create index mt_doc_fleetmember_idx_line on {LedgerStoreOptions.Schema}.mt_doc_fleetmember ((data ->> 'Line'));
            """, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
