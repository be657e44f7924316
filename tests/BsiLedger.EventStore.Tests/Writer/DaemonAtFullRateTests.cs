using System.Diagnostics;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace BsiLedger.EventStore.Tests.Writer;

/// <summary>
/// The set-based writer flat out, with stale appends and colliding starts among its batches, while the async daemon
/// runs (decision 0017): every sequence number drawn belongs to a stored event, so the daemon's high-water mark never
/// meets a gap it would have to wait out and skip, and every projection reaches the last event.
/// </summary>
public sealed class DaemonAtFullRateTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Writing = TimeSpan.FromSeconds(6);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refused_appends_leave_no_gap_for_the_daemon_to_skip()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMarten(options =>
            {
                LedgerStoreOptions.Configure(options, connectionString);
                options.Projections.Add<EventCountsProjection>(ProjectionLifecycle.Async);
            })
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold);
        using var host = builder.Build();
        await host.StartAsync(Ct);
        var store = host.Services.GetRequiredService<IDocumentStore>();

        long written = 0, refused = 0;
        await using (var journal = new MartenEventJournal(store, new JournalOptions()))
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
            {
                for (var i = 0; clock.Elapsed < Writing; i++)
                {
                    var id = UniqueIds.Device();
                    var head = await journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id)], Ct);
                    var stale = i % 4 == 0 ? journal.AppendAsync(id, StreamHead.Empty, [JournalEvents.Enrolled(id)], Ct) : null;
                    var behind = i % 4 == 1 ? journal.AppendAsync(id, new StreamHead(head.Version + 1, head.Hash), [JournalEvents.Installed(id)], Ct) : null;
                    await journal.AppendAsync(id, head, [JournalEvents.Installed(id)], Ct);
                    Interlocked.Add(ref written, 2);
                    foreach (var refusal in new[] { stale, behind }.OfType<Task<StreamHead>>())
                    {
                        await Assert.ThrowsAsync<StreamConflictException>(() => refusal);
                        Interlocked.Increment(ref refused);
                    }
                }
            }, Ct)));
        }

        await host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(120));
        var progress = await store.Advanced.AllProjectionProgress(token: Ct);
        await host.StopAsync(Ct);

        Assert.True(refused > 100, $"only {refused} appends were refused; the test needs conflicts among the batches");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        var (events, lowest, highest, drawn, tombstones, skips) = await FiguresAsync(connection);
        Assert.Equal(written, events);
        Assert.Equal(0, tombstones);
        Assert.Equal(0, skips);
        Assert.True(highest - lowest + 1 == events, $"{events} events hold sequence numbers {lowest}..{highest}: {highest - lowest + 1 - events} drawn and never stored");
        Assert.Equal(highest, drawn);
        Assert.All(progress, shard => Assert.Equal(highest, shard.Sequence));
        Assert.Contains(progress, shard => shard.ShardName.StartsWith(nameof(EventCounts), StringComparison.Ordinal));
    }

    private static async Task<(long Events, long Lowest, long Highest, long Drawn, long Tombstones, long Skips)> FiguresAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand($"""
            select count(*), min(seq_id), max(seq_id),
                (select last_value from {LedgerStoreOptions.Schema}.mt_events_sequence),
                count(*) filter (where stream_id = '{LedgerStoreOptions.TombstoneStream}'),
                (select count(*) from {LedgerStoreOptions.Schema}.mt_high_water_skips)
            from {LedgerStoreOptions.Schema}.mt_events
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }
}
