using System.Text.Json;
using BsiLedger.EventStore.Postgres;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;

namespace BsiLedger.Host.Cluster;

/// <summary>
/// A cluster as its membership table records it, read with plain SQL (no silo, no client), and how a client finds it.
/// </summary>
public static class ClusterMembership
{
    /// <summary>The Npgsql provider's name among the AdoNet providers' invariants.</summary>
    public const string AdoNetInvariant = "Npgsql";

    private const string Sql = $"""
        select address, port, status, start_time, i_am_alive_time, proxy_port
        from {MembershipSchema.MemberTable}
        where deployment_id = $1
        order by start_time, address, port, generation
        """;

    private static readonly string LiveSql = $"""
        select exists (
            select 1 from {MembershipSchema.MemberTable}
            where deployment_id = $1 and status = {MembershipSchema.ActiveStatus} and i_am_alive_time > now() - $2)
        """;

    /// <summary>Every silo registered under <paramref name="clusterId"/>, oldest first; none when no silo ever started here.</summary>
    public static async Task<IReadOnlyList<ClusterSilo>> ReadAsync(string connectionString, string clusterId, CancellationToken ct)
    {
        await using var connection = await LedgerDataSource.OpenAsync(connectionString, ct);
        if (!await ExistsAsync(connection, ct))
        {
            return [];
        }

        await using var command = new NpgsqlCommand(Sql, connection) { Parameters = { new() { Value = clusterId } } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var silos = new List<ClusterSilo>();
        while (await reader.ReadAsync(ct))
        {
            var address = reader.GetString(0);
            var proxyPort = reader.GetInt32(5);
            silos.Add(new ClusterSilo(
                $"{address}:{reader.GetInt32(1)}",
                StatusName(reader.GetInt32(2)),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                proxyPort > 0 ? $"{address}:{proxyPort}" : null));
        }

        return silos;
    }

    /// <summary>
    /// Whether a silo of <paramref name="clusterId"/> is active and wrote its heartbeat within
    /// <see cref="MembershipTimings.HeartbeatFreshFor"/>: what a command asks before it goes to the cluster as a client
    /// rather than hosting a silo of its own. The heartbeat is the silo's clock, the freshness the database's, so the
    /// answer is as good as their agreement (docs/cluster.md, Clocks).
    /// </summary>
    public static async Task<bool> IsLiveAsync(string connectionString, string clusterId, CancellationToken ct)
    {
        // On Orleans' pool, which the command then uses either way (its silo's or its client's): the ledger's pool is
        // not yet given its share of the budget when this is asked.
        await using var connection = await ClusterPool.For(connectionString).OpenConnectionAsync(ct);
        if (!await ExistsAsync(connection, ct))
        {
            return false;
        }

        await using var command = new NpgsqlCommand(LiveSql, connection)
        {
            Parameters = { new() { Value = clusterId }, new() { Value = MembershipTimings.HeartbeatFreshFor } },
        };
        return await command.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>A client of the cluster: its gateways come from the same membership table, through <see cref="ClusterPool"/>.</summary>
    public static IClientBuilder UseLedgerCluster(this IClientBuilder client, string ledgerConnectionString, string clusterId) =>
        client
            .Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = clusterId;
                cluster.ServiceId = LedgerHost.ServiceId;
            })
            .UseAdoNetClustering(adoNet =>
            {
                adoNet.Invariant = AdoNetInvariant;
                adoNet.DataSource = ClusterPool.For(ledgerConnectionString);
            });

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select to_regclass('{MembershipSchema.MemberTable}') is not null", connection);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private static string StatusName(int status) => JsonNamingPolicy.KebabCaseLower.ConvertName(((SiloStatus)status).ToString());
}
