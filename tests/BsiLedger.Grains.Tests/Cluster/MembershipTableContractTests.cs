using System.Net;
using BsiLedger.Host;
using BsiLedger.Host.Cluster;
using BsiLedger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace BsiLedger.Grains.Tests.Cluster;

/// <summary>
/// Our statements under Orleans' own AdoNet membership table and gateway list, on the real PostgreSQL: what the
/// membership protocol needs of a table (Orleans' MembershipTableTestsBase asks the same).
/// </summary>
public sealed class MembershipTableContractTests(PostgresFixture postgres)
{
    private static readonly IPAddress SiloIp = IPAddress.Parse("10.1.2.3");
    private static int _generation = Environment.TickCount & 0xFFFFFF;
    private readonly string _clusterId = "contract-" + Guid.NewGuid().ToString("N")[..12];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_cluster_reads_empty_at_version_zero()
    {
        var table = await TableAsync();

        var data = await table.ReadAllAsync(Ct);

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.Equal("0", data.Version.VersionEtag);
    }

    [Fact]
    public async Task An_inserted_silo_reads_back_whole_and_moves_the_table_version()
    {
        var table = await TableAsync();
        var entry = Entry(SiloStatus.Joining);

        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(Ct)).Version.Next(), Ct));

        var row = await table.ReadRowAsync(entry.SiloAddress, Ct);
        Assert.Equal(1, row.Version.Version);
        var (read, _) = Assert.Single(row.Members);
        Assert.Equal(entry.SiloAddress, read.SiloAddress);
        Assert.Equal((entry.SiloName, entry.HostName, entry.Status, entry.ProxyPort), (read.SiloName, read.HostName, read.Status, read.ProxyPort));
        Assert.Equal(entry.StartTime, read.StartTime);
        Assert.Equal(entry.IAmAliveTime, read.IAmAliveTime);
        var all = await table.ReadAllAsync(Ct);
        Assert.Equal(1, all.Version.Version);
        Assert.Single(all.Members);
    }

    [Fact]
    public async Task Reading_a_silo_that_is_not_there_answers_the_table_version_and_no_member()
    {
        var table = await TableAsync();
        Assert.True(await table.InsertRowAsync(Entry(SiloStatus.Joining), (await table.ReadAllAsync(Ct)).Version.Next(), Ct));

        var row = await table.ReadRowAsync(Entry(SiloStatus.Joining).SiloAddress, Ct);

        Assert.Empty(row.Members);
        Assert.Equal(1, row.Version.Version);
    }

    [Fact]
    public async Task The_same_silo_inserted_twice_is_refused_and_leaves_the_version()
    {
        var table = await TableAsync();
        var entry = Entry(SiloStatus.Joining);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(Ct)).Version.Next(), Ct));

        var again = await table.InsertRowAsync(entry, (await table.ReadAllAsync(Ct)).Version.Next(), Ct);

        Assert.False(again);
        var data = await table.ReadAllAsync(Ct);
        Assert.Equal(1, data.Version.Version);
        Assert.Single(data.Members);
    }

    [Fact]
    public async Task An_insert_against_a_stale_table_version_is_refused_and_writes_nothing()
    {
        var table = await TableAsync();
        var stale = (await table.ReadAllAsync(Ct)).Version.Next();
        Assert.True(await table.InsertRowAsync(Entry(SiloStatus.Joining), stale, Ct));

        var late = Entry(SiloStatus.Joining);
        Assert.False(await table.InsertRowAsync(late, stale, Ct));

        var data = await table.ReadAllAsync(Ct);
        Assert.Equal(1, data.Version.Version);
        Assert.Null(data.TryGet(late.SiloAddress));
    }

    [Fact]
    public async Task Of_twenty_concurrent_inserts_at_one_version_exactly_one_lands()
    {
        var table = await TableAsync();
        var version = (await table.ReadAllAsync(Ct)).Version.Next();

        var landed = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => table.InsertRowAsync(Entry(SiloStatus.Joining), version, Ct)));

        Assert.Single(landed, ok => ok);
        var data = await table.ReadAllAsync(Ct);
        Assert.Equal(1, data.Version.Version);
        Assert.Single(data.Members);
    }

    [Fact]
    public async Task An_update_with_the_current_version_lands_and_one_with_a_stale_version_is_refused()
    {
        var table = await TableAsync();
        var entry = Entry(SiloStatus.Joining);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(Ct)).Version.Next(), Ct));
        var before = await table.ReadAllAsync(Ct);
        var (current, etag) = before.TryGet(entry.SiloAddress)!;

        current.Status = SiloStatus.Active;
        var suspecter = SiloAddress.New(IPAddress.Parse("10.9.9.9"), 11111, 7);
        var suspectedAt = new DateTime(2026, 12, 5, 23, 0, 0, DateTimeKind.Utc);
        current.AddOrUpdateSuspector(suspecter, suspectedAt, 10);
        Assert.True(await table.UpdateRowAsync(current, etag, before.Version.Next(), Ct));

        current.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRowAsync(current, etag, before.Version.Next(), Ct));

        var after = await table.ReadAllAsync(Ct);
        Assert.Equal(2, after.Version.Version);
        var (read, _) = after.TryGet(entry.SiloAddress)!;
        Assert.Equal(SiloStatus.Active, read.Status);
        var suspicion = Assert.Single(read.SuspectTimes ?? []);
        Assert.Equal((suspecter, suspectedAt), (suspicion.Item1, suspicion.Item2));
    }

    [Fact]
    public async Task A_heartbeat_moves_the_silos_time_and_not_the_table_version()
    {
        var table = await TableAsync();
        var entry = Entry(SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(Ct)).Version.Next(), Ct));
        var beat = entry.IAmAliveTime.AddSeconds(17);

        await table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = beat }, Ct);

        var data = await table.ReadAllAsync(Ct);
        Assert.Equal(1, data.Version.Version);
        Assert.Equal(beat, data.TryGet(entry.SiloAddress)!.Item1.IAmAliveTime);
    }

    [Fact]
    public async Task Gateways_are_the_active_silos_that_take_clients()
    {
        var table = await TableAsync();
        var active = Entry(SiloStatus.Active);
        var joining = Entry(SiloStatus.Joining);
        var dead = Entry(SiloStatus.Dead);
        var noGateway = Entry(SiloStatus.Active, proxyPort: 0);
        foreach (var entry in new[] { active, joining, dead, noGateway })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(Ct)).Version.Next(), Ct));
        }

        var gateways = await GatewaysAsync();

        var gateway = Assert.Single(gateways);
        Assert.Equal(SiloAddress.New(active.SiloAddress.Endpoint.Address, active.ProxyPort, active.SiloAddress.Generation).ToGatewayUri(), gateway);
    }

    [Fact]
    public async Task Deleting_a_cluster_removes_its_silos_and_version_and_leaves_other_clusters()
    {
        var table = await TableAsync();
        var other = await TableAsync("other-" + Guid.NewGuid().ToString("N")[..12]);
        Assert.True(await table.InsertRowAsync(Entry(SiloStatus.Active), (await table.ReadAllAsync(Ct)).Version.Next(), Ct));
        Assert.True(await other.InsertRowAsync(Entry(SiloStatus.Active), (await other.ReadAllAsync(Ct)).Version.Next(), Ct));

        await table.DeleteMembershipTableEntriesAsync(_clusterId, Ct);

        Assert.Equal(0, await CountAsync($"select count(*) from {MembershipSchema.VersionTable} where deployment_id = $1", _clusterId));
        Assert.Equal(0, await CountAsync($"select count(*) from {MembershipSchema.MemberTable} where deployment_id = $1", _clusterId));
        Assert.Single((await other.ReadAllAsync(Ct)).Members);
    }

    [Fact]
    public async Task Defunct_cleanup_removes_old_silos_that_are_not_active_and_keeps_the_rest()
    {
        var table = await TableAsync();
        var now = DateTime.UtcNow;
        var oldDead = Entry(SiloStatus.Dead, aliveAt: now.AddDays(-10));
        var oldJoining = Entry(SiloStatus.Joining, aliveAt: now.AddDays(-10));
        var oldActive = Entry(SiloStatus.Active, aliveAt: now.AddDays(-10));
        var recentDead = Entry(SiloStatus.Dead, aliveAt: now);
        foreach (var entry in new[] { oldDead, oldJoining, oldActive, recentDead })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(Ct)).Version.Next(), Ct));
        }

        await table.CleanupDefunctSiloEntriesAsync(now.AddDays(-7), Ct);

        var left = (await table.ReadAllAsync(Ct)).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal(new[] { oldActive.SiloAddress, recentDead.SiloAddress }.ToHashSet(), left);
    }

    private async Task<AdoNetClusteringTable> TableAsync(string? clusterId = null)
    {
        await OrleansSchema.EnsureAsync(postgres.ConnectionString, Ct);
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId ?? _clusterId, ServiceId = LedgerHost.ServiceId }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = ClusterMembership.AdoNetInvariant, DataSource = ClusterPool.For(postgres.ConnectionString) }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, Ct);
        return table;
    }

    private async Task<IList<Uri>> GatewaysAsync()
    {
        var gateways = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = ClusterMembership.AdoNetInvariant, DataSource = ClusterPool.For(postgres.ConnectionString) }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = _clusterId, ServiceId = LedgerHost.ServiceId }));
        await gateways.InitializeGatewayListProviderAsync(Ct);
        return await gateways.GetGatewaysAsync(Ct);
    }

    private async Task<long> CountAsync(string sql, string clusterId)
    {
        await using var connection = await ClusterPool.For(postgres.ConnectionString).OpenConnectionAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand(sql, connection) { Parameters = { new() { Value = clusterId } } };
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static MembershipEntry Entry(SiloStatus status, int proxyPort = 30000, DateTime? aliveAt = null)
    {
        // Whole milliseconds: PostgreSQL keeps microseconds, a DateTime has ten times more.
        var now = DateTime.UtcNow;
        var at = aliveAt ?? new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(SiloIp, 11111, Interlocked.Increment(ref _generation)),
            SiloName = "silo-" + _generation,
            HostName = "host-a",
            Status = status,
            ProxyPort = proxyPort,
            StartTime = at.AddMinutes(-1),
            IAmAliveTime = at,
        };
    }
}
