using System.Net;
using BsiLedger.Domain;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Fleet;
using BsiLedger.Grains.Tests.Rollouts;
using BsiLedger.Host;
using BsiLedger.Host.Cluster;
using BsiLedger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BsiLedger.Grains.Tests.Cluster;

/// <summary>
/// A silo with both of Orleans' providers at work (the membership of a shared cluster, reminders taking a rollout's
/// steps) and a busy ledger holds at most its budget: the ledger's pool and Orleans' one pool together.
/// </summary>
public sealed class ClusterConnectionBudgetTests(PostgresFixture postgres)
{
    private const int Budget = 4;

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_silo_with_membership_and_reminders_never_holds_more_than_its_budget()
    {
        var application = "fold-" + Guid.NewGuid().ToString("N")[..8];
        var database = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync()) { ApplicationName = application, MaxPoolSize = Budget }.ConnectionString;
        // As bsi serve builds its silo: the process's budget in, the ledger's share out. Without the read models' daemon,
        // whose leader locks would hold the ledger's two connections for as long as it leads and leave the journal none.
        var options = new LedgerHostOptions(database)
        {
            Telemetry = TelemetryMode.None,
            Cluster = new SharedCluster("budget-" + Guid.NewGuid().ToString("N")[..12], IPAddress.Loopback, FreeTcpPort.Pick(), FreeTcpPort.Pick()),
            FiresReminders = true,
            Fleet = new FleetOptions { AdvanceEvery = Step },
        }.WithinBudget();
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakAsync(database, application, sampling.Token);
        using var silo = LedgerHost.Build(options);
        await silo.StartAsync(Ct);
        try
        {
            // Enrolments 32 at a time keep the ledger's pool full while the membership heartbeats and the reminder ticks.
            var fleet = TestFleet.NewLine(silo.Services.GetRequiredService<IGrainFactory>());
            await fleet.EnrollAsync(200);
            var release = fleet.Release('a');
            var soakHours = TimeSpan.FromSeconds(1).TotalHours;
            await fleet.PublishAndPlanAsync(release, TestFleet.Plan(10, (0.25, soakHours, 0.5), (0.5, soakHours, 0.5), (1.0, soakHours, 0.5)));
            Assert.Equal(CommandStatus.Accepted, (await fleet.ReleaseGrain(release).Start(TestFleet.Operator, Provenance.NewCommand())).Status);

            // Only the reminder ends a soak: three waves completed are three reminder ticks that took a step.
            var journal = silo.Services.GetRequiredService<IEventJournal>();
            Assert.Equal(3, await WaitForAsync(async () => (await journal.ReadAsync(release.ToString(), 0, Ct)).Count(e => e.Data is WaveCompleted), wanted: 3));
        }
        finally
        {
            await silo.StopAsync(Ct);
            await sampling.CancelAsync();
        }

        var (ledger, orleans, together) = await peak;
        Assert.InRange(orleans, 1, ClusterPool.Size);
        Assert.InRange(ledger, 1, Budget - ClusterPool.Size);
        Assert.InRange(together, 2, Budget);
    }

    /// <summary>The most connections each pool held, and both together, sampled in one statement every 50 ms.</summary>
    private static async Task<(long Ledger, long Orleans, long Together)> SamplePeakAsync(string database, string application, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(database) { Pooling = false, ApplicationName = "budget-sampler" }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("""
            select count(*) filter (where application_name = $1), count(*) filter (where application_name = $2)
            from pg_stat_activity where datname = current_database()
            """, connection)
        {
            Parameters = { new() { Value = application }, new() { Value = $"{application}-cluster" } },
        };
        var (ledger, orleans, together) = (0L, 0L, 0L);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
                {
                    await reader.ReadAsync(CancellationToken.None);
                    var (l, o) = (reader.GetInt64(0), reader.GetInt64(1));
                    (ledger, orleans, together) = (Math.Max(ledger, l), Math.Max(orleans, o), Math.Max(together, l + o));
                }

                await Task.Delay(50, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // Sampling ends when the silo has stopped.
        }

        return (ledger, orleans, together);
    }

    private static async Task<int> WaitForAsync(Func<Task<int>> read, int wanted)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        var value = await read();
        while (value < wanted && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
            value = await read();
        }

        return value;
    }
}
