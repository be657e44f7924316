using System.Text.Json;
using BsiLedger.Testing;
using static BsiLedger.Cli.Tests.OwnLedger;

namespace BsiLedger.Cli.Tests;

/// <summary>bsi through PgBouncer 1.18 in transaction pooling mode (docs/operations.md, Poolers).</summary>
public sealed class PgBouncerTests(PgBouncerPostgres pooler) : IClassFixture<PgBouncerPostgres>
{
    [Fact]
    public async Task Without_auto_prepare_device_commands_and_a_simulation_work_through_the_pooler()
    {
        var connection = PgBouncerPostgres.WithoutAutoPrepare(await pooler.CreateDatabaseAsync());
        var simulated = PgBouncerPostgres.WithoutAutoPrepare(await pooler.CreateDatabaseAsync());
        var output = Directory.CreateTempSubdirectory("bsi-pooled-sim-").FullName;
        var id = UniqueIds.Device();

        await Run(connection, 0, "device", "enroll", id, "--platform", "iOS", "--os", "26.3.1");
        var history = (await Run(connection, 0, "audit", "history", id, "--json")).Json();
        await Run(simulated, 0, "simulate", "--devices", "300", "--seed", "7", "--out", output, "--json");

        Assert.Equal(1, history.GetProperty("events").GetArrayLength());
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json"), TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(300, report.GetProperty("devices").GetInt32());
        Assert.Equal(await StoredRows.TotalAsync(simulated), report.GetProperty("eventsAppended").GetInt64());
    }

    [Fact]
    public async Task With_auto_prepare_a_simulation_is_exit_3_naming_the_pooler_and_the_fix()
    {
        var connection = await pooler.CreateDatabaseAsync();
        var output = Directory.CreateTempSubdirectory("bsi-pooled-sim-").FullName;

        var run = await Run(connection, 3, "simulate", "--devices", "300", "--seed", "7", "--out", output);

        Assert.Contains("prepared statement \"_auto", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("connection pooler in transaction mode", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Max Auto Prepare=0", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("max_prepared_statements", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("is the database reachable", run.Stderr, StringComparison.Ordinal);
    }
}
