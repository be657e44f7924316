using BsiLedger.Host.Cluster;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.Grains.Tests.Cluster;

/// <summary>
/// The schema the AdoNet providers need (membership and reminders, from one entry point), created by whichever process
/// starts first, and never downgraded.
/// </summary>
public sealed class OrleansSchemaTests(PostgresFixture postgres)
{
    private static readonly string[] QueryKeys =
    [
        "CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey",
        "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "ReadReminderRowsKey", "UpdateIAmAlivetimeKey",
        "UpdateMembershipKey", "UpsertReminderRowKey",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Processes_starting_together_on_an_empty_database_all_succeed_and_leave_every_membership_and_reminder_query()
    {
        var database = await postgres.CreateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => OrleansSchema.EnsureAsync(database, Ct)));

        Assert.Equal(QueryKeys, await StringsAsync(database, "select querykey from public.orleansquery order by querykey collate \"C\""));
        Assert.Equal(["membership:1", "reminders:1"], await StringsAsync(database, "select part || ':' || version from public.orleans_schema order by part"));
        Assert.Equal(["orleans_membership", "orleans_membership_version", "orleansreminderstable"],
            await StringsAsync(database, "select tablename from pg_tables where schemaname = 'public' and tablename like 'orleans%' and tablename not in ('orleansquery', 'orleans_schema') order by tablename collate \"C\""));
    }

    [Fact]
    public async Task A_schema_written_by_a_newer_bsi_is_refused_and_left_as_it_is()
    {
        var database = await postgres.CreateDatabaseAsync();
        await OrleansSchema.EnsureAsync(database, Ct);
        await ExecuteAsync(database, "update public.orleans_schema set version = 99; update public.orleansquery set querytext = 'select 99'");

        var refused = await Assert.ThrowsAsync<OrleansSchemaVersionException>(() => OrleansSchema.EnsureAsync(database, Ct));

        Assert.Equal("membership", refused.Part);
        Assert.Contains("version 99", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["select 99"], (await StringsAsync(database, "select querytext from public.orleansquery")).Distinct());
    }

    [Fact]
    public async Task A_newer_reminder_part_is_refused_before_anything_of_the_membership_part_is_written()
    {
        var database = await postgres.CreateDatabaseAsync();
        await OrleansSchema.EnsureAsync(database, Ct);
        await ExecuteAsync(database, """
            update public.orleans_schema set version = 7 where part = 'reminders';
            update public.orleansquery set querytext = 'select 7';
            """);

        var refused = await Assert.ThrowsAsync<OrleansSchemaVersionException>(() => OrleansSchema.EnsureAsync(database, Ct));

        // One transaction: the membership statements upserted before the reminder part was read are rolled back with it.
        Assert.Equal("reminders", refused.Part);
        Assert.Equal(["select 7"], (await StringsAsync(database, "select querytext from public.orleansquery")).Distinct());
        Assert.Equal(["membership:1", "reminders:7"], await StringsAsync(database, "select part || ':' || version from public.orleans_schema order by part"));
    }

    private static async Task<string[]> StringsAsync(string database, string sql)
    {
        await using var connection = await ClusterPool.For(database).OpenConnectionAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.GetString(0));
        }

        return [.. values];
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = await ClusterPool.For(database).OpenConnectionAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
