using BsiLedger.Host.Cluster;
using BsiLedger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace BsiLedger.Grains.Tests.Cluster;

/// <summary>Our reminder schema and statements, through Orleans' own ADO.NET reminder table, on a real PostgreSQL.</summary>
public sealed class ReminderTableContractTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_row_reads_back_as_written_by_name_and_by_grain()
    {
        var table = await TableAsync(await SchemaAsync());
        var grain = Grain("one");
        var startAt = new DateTime(2026, 12, 5, 10, 30, 15, 123, DateTimeKind.Utc);

        var etag = await table.UpsertRow(Entry(grain, "rollout-steps", startAt, TimeSpan.FromSeconds(30)), Ct);
        await table.UpsertRow(Entry(grain, "other", startAt, TimeSpan.FromDays(40)), Ct);
        await table.UpsertRow(Entry(Grain("two"), "rollout-steps", startAt, TimeSpan.FromSeconds(30)), Ct);

        var row = await table.ReadRow(grain, "rollout-steps", Ct);
        Assert.NotNull(row);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("rollout-steps", row.ReminderName);
        Assert.Equal(startAt, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), row.Period);
        Assert.Equal(etag, row.ETag);
        Assert.Null(await table.ReadRow(grain, "missing", Ct));

        var ofGrain = await table.ReadRows(grain, Ct);
        Assert.Equal(["other", "rollout-steps"], ofGrain.Reminders.Select(r => r.ReminderName).Order());
        // A period longer than int milliseconds is bound as a bigint and read back whole.
        Assert.Equal(TimeSpan.FromDays(40), ofGrain.Reminders.Single(r => r.ReminderName == "other").Period);
    }

    [Fact]
    public async Task An_upsert_replaces_the_row_under_a_new_etag_and_only_the_current_etag_removes_it()
    {
        var table = await TableAsync(await SchemaAsync());
        var grain = Grain("etag");
        var first = await table.UpsertRow(Entry(grain, "rollout-steps", DateTime.UtcNow, TimeSpan.FromSeconds(30)), Ct);

        // The provider's upsert carries no etag: the last registration wins, whatever etag its entry held.
        var stale = Entry(grain, "rollout-steps", DateTime.UtcNow, TimeSpan.FromMinutes(2));
        stale.ETag = "12345";
        var second = await table.UpsertRow(stale, Ct);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.Equal(TimeSpan.FromMinutes(2), (await table.ReadRow(grain, "rollout-steps", Ct))!.Period);
        Assert.False(await table.RemoveRow(grain, "rollout-steps", first, Ct));
        Assert.NotNull(await table.ReadRow(grain, "rollout-steps", Ct));
        Assert.True(await table.RemoveRow(grain, "rollout-steps", second, Ct));
        Assert.Null(await table.ReadRow(grain, "rollout-steps", Ct));
        Assert.False(await table.RemoveRow(grain, "rollout-steps", second, Ct));
    }

    [Theory]
    [InlineData(0x1000_0000u, 0x6000_0000u)]
    [InlineData(0x9000_0000u, 0xE000_0000u)]
    [InlineData(0x7000_0000u, 0x9000_0000u)]
    [InlineData(0xC000_0000u, 0x4000_0000u)]
    [InlineData(0x9000_0000u, 0x7000_0000u)]
    [InlineData(0x4000_0000u, 0x1000_0000u)]
    [InlineData(0u, 0u)]
    public async Task A_hash_range_holds_exactly_the_grains_Orleans_places_in_it(uint begin, uint end)
    {
        var table = await TableAsync(await SchemaAsync());
        var grains = Enumerable.Range(0, 200).Select(i => Grain($"ring-{i}")).ToArray();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "rollout-steps", DateTime.UtcNow, TimeSpan.FromSeconds(30)), Ct);
        }

        var range = RangeFactory.CreateRange(begin, end);
        var expected = grains.Where(g => range.InRange(g)).Select(g => g.ToString()).Order().ToArray();

        var read = await table.ReadRows(begin, end, Ct);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, read.Reminders.Select(r => r.GrainId.ToString()).Order());
    }

    [Fact]
    public async Task Clearing_a_service_removes_its_rows_and_no_other_service_s()
    {
        var database = await SchemaAsync();
        var mine = await TableAsync(database);
        var theirs = await TableAsync(database);
        var grain = Grain("clear");
        await mine.UpsertRow(Entry(grain, "rollout-steps", DateTime.UtcNow, TimeSpan.FromSeconds(30)), Ct);
        await theirs.UpsertRow(Entry(grain, "rollout-steps", DateTime.UtcNow, TimeSpan.FromSeconds(30)), Ct);

        await mine.TestOnlyClearTable(Ct);

        Assert.Empty((await mine.ReadRows(0, 0, Ct)).Reminders);
        Assert.Single((await theirs.ReadRows(0, 0, Ct)).Reminders);
    }

    [Fact]
    public async Task Silos_starting_together_create_the_schema_once_and_leave_every_statement_in_place()
    {
        var database = await postgres.CreateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OrleansSchema.EnsureAsync(database, Ct)));
        await OrleansSchema.EnsureAsync(database, Ct);

        var table = await TableAsync(database);
        Assert.NotNull(await table.UpsertRow(Entry(Grain("schema"), "rollout-steps", DateTime.UtcNow, TimeSpan.FromSeconds(30)), Ct));
    }

    private async Task<string> SchemaAsync()
    {
        var database = await postgres.CreateDatabaseAsync();
        await OrleansSchema.EnsureAsync(database, Ct);
        return database;
    }

    /// <summary>The provider's own table, as a silo builds it (on the process's Orleans pool), for a service of its own.</summary>
    private static async Task<IReminderTable> TableAsync(string database)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(new ClusterOptions { ServiceId = "svc-" + Guid.NewGuid().ToString("N")[..8], ClusterId = "contract" }));
        services.UseAdoNetReminderService(options => options.Configure(table =>
        {
            table.Invariant = ClusterMembership.AdoNetInvariant;
            table.DataSource = ClusterPool.For(database);
        }));
        var table = services.BuildServiceProvider().GetRequiredService<IReminderTable>();
        await table.StartAsync(Ct);
        return table;
    }

    private static GrainId Grain(string key) => GrainId.Create("release", key + "-" + Guid.NewGuid().ToString("N")[..8]);

    private static ReminderEntry Entry(GrainId grain, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = period };
}
