using BsiLedger.Host.Cluster;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.Grains.Tests.Cluster;

/// <summary>The schema the AdoNet providers need, created by whichever process starts first, and never downgraded.</summary>
public sealed class OrleansSchemaTests(PostgresFixture postgres)
{
    private static readonly string[] _membershipKeys =
    [
        "CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "InsertMembershipKey",
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Processes_starting_together_on_an_empty_database_all_succeed_and_leave_every_membership_query()
    {
        var database = await postgres.CreateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => OrleansSchema.EnsureAsync(database, Ct)));

        Assert.Equal(_membershipKeys, await StringsAsync(database, "select querykey from public.orleansquery order by querykey"));
        Assert.Equal(["membership:1"], await StringsAsync(database, "select part || ':' || version from public.orleans_schema"));
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
