using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Marten.Events.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace BsiLedger.EventStore.Tests;

/// <summary>
/// The async daemon elects its leader through an advisory lock taken by DistributedLock.Postgres, which
/// reaches us through the package shim. If the shim or the lock settings were wrong, no shard would start.
/// </summary>
public sealed class AsyncDaemonTests(PostgresFixture postgres)
{
    [Fact]
    public Task The_hot_cold_daemon_takes_its_advisory_lock_and_catches_up_to_the_last_event() =>
        CatchesUpAsync(postgres.ConnectionString, postgres.ConnectionString, TestContext.Current.CancellationToken);

    /// <summary>The daemon over <paramref name="connectionString"/>, its lock looked for on the server <paramref name="serverConnectionString"/> names.</summary>
    internal static async Task CatchesUpAsync(string connectionString, string serverConnectionString, CancellationToken ct)
    {
        var schema = "daemon_" + Guid.NewGuid().ToString("N")[..8];
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMarten(options =>
            {
                LedgerStoreOptions.Configure(options, connectionString);
                options.DatabaseSchemaName = schema;
                options.Projections.Add<EventCountsProjection>(ProjectionLifecycle.Async);
            })
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold);
        using var host = builder.Build();
        await host.StartAsync(ct);

        await using var journal = new MartenEventJournal(host.Services.GetRequiredService<IDocumentStore>(), new JournalOptions());
        for (var i = 0; i < 20; i++)
        {
            var id = UniqueIds.Device();
            await journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id), JournalEvents.Installed(id)], ct);
        }

        await host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var counts = await session.LoadAsync<EventCounts>(EventCountsProjection.Key, ct);
        Assert.NotNull(counts);
        Assert.Equal(20, counts.Counts["bsi.device-enrolled"]);
        Assert.Equal(20, counts.Counts["bsi.bsi-installed"]);
        var statistics = await store.Advanced.FetchEventStoreStatistics(token: ct);
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        Assert.All(progress, shard => Assert.Equal(statistics.EventSequenceNumber, shard.Sequence));
        // The leader keeps its transaction-scoped lock on a connection idle in transaction while it leads;
        // a migration's brief lock would not be idle in transaction.
        Assert.True(await AdvisoryLocksHeldAsync(serverConnectionString, ct) > 0, "the leader holds an advisory lock while it runs");

        await host.StopAsync(ct);
    }

    private static async Task<long> AdvisoryLocksHeldAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.state = 'idle in transaction'
            """, connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
