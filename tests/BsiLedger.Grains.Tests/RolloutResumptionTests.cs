using BsiLedger.Domain;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Journal;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Fleet;
using BsiLedger.Grains.Tests.Rollouts;
using BsiLedger.Host;
using BsiLedger.Host.Cluster;
using BsiLedger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Hosting;

namespace BsiLedger.Grains.Tests;

/// <summary>
/// A rollout outlives the silo that drove it: its reminder row in the ledger's database makes whichever silo fires
/// reminders take its remaining steps. Each test has a database of its own, so no other test's silo fires its reminders.
/// </summary>
public sealed class RolloutResumptionTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    /// <summary>Each wave's soak: longer than the first silo lives after starting the rollout, so it ends no wave itself.</summary>
    private static readonly TimeSpan Soak = TimeSpan.FromSeconds(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rollout_left_by_a_one_command_silo_is_carried_on_by_a_long_lived_silo_started_later_not_by_another_one_command_silo()
    {
        var database = await postgres.CreateDatabaseAsync();
        ReleaseId release;
        using (var command = Host(database, firesReminders: false))
        {
            await command.StartAsync(Ct);
            // Longer than the command's silo lives: whatever ends a wave, that silo did not.
            release = await StartRolloutAsync(command, soak: Soak);
            Assert.Equal(1, await StepRemindersAsync(database));
            await command.StopAsync(Ct);
        }

        using var serve = Host(database, firesReminders: true);
        // Only the stream is read: asking the release grain anything would itself wake it.
        var journal = serve.Services.GetRequiredService<IEventJournal>();
        using (var another = Host(database, firesReminders: false))
        {
            await another.StartAsync(Ct);
            // The soak's end passes and ticks are due while this silo runs: it loads no row it did not register.
            await Task.Delay(Soak + TimeSpan.FromSeconds(1), Ct);
            await another.StopAsync(Ct);
        }

        Assert.Equal(0, await WavesCompletedAsync(journal, release));
        Assert.Equal(1, await StepRemindersAsync(database));
        await serve.StartAsync(Ct);
        Assert.Equal(3, await WaitForAsync(() => WavesCompletedAsync(journal, release), wanted: 3));
        Assert.Equal(0, await WaitForAsync(() => StepRemindersAsync(database), wanted: 0, downwards: true));
        await serve.StopAsync(Ct);
    }

    [Fact]
    public async Task A_silo_killed_with_its_release_s_soak_running_leaves_every_remaining_step_to_another_silo()
    {
        var database = await postgres.CreateDatabaseAsync();
        // The survivor reads the reminder table often, to notice a row its own ring did not register.
        using var survivor = Host(database, firesReminders: true,
            silo => silo.Configure<ReminderOptions>(reminders => reminders.RefreshReminderListPeriod = TimeSpan.FromMilliseconds(200)));
        await survivor.StartAsync(Ct);
        var journal = survivor.Services.GetRequiredService<IEventJournal>();

        ReleaseId release;
        using (var doomed = Host(database, firesReminders: true))
        {
            await doomed.StartAsync(Ct);
            release = await StartRolloutAsync(doomed, soak: Soak);
            await doomed.StopAsync(new CancellationToken(canceled: true));
        }

        Assert.Equal(0, await WavesCompletedAsync(journal, release));
        Assert.Equal(3, await WaitForAsync(() => WavesCompletedAsync(journal, release), wanted: 3));
        await survivor.StopAsync(Ct);
    }

    private static async Task<ReleaseId> StartRolloutAsync(IHost host, TimeSpan soak)
    {
        var fleet = TestFleet.NewLine(host.Services.GetRequiredService<IGrainFactory>());
        await fleet.EnrollAsync(40);
        var release = fleet.Release('a');
        var hours = soak.TotalHours;
        await fleet.PublishAndPlanAsync(release, TestFleet.Plan(10, (0.25, hours, 0.5), (0.5, hours, 0.5), (1.0, hours, 0.5)));
        var started = await fleet.ReleaseGrain(release).Start(TestFleet.Operator, Provenance.NewCommand());
        Assert.Equal(CommandStatus.Accepted, started.Status);
        return release;
    }

    private static IHost Host(string database, bool firesReminders, Action<ISiloBuilder>? configureSilo = null) =>
        LedgerHost.Build(new LedgerHostOptions(database)
        {
            Telemetry = TelemetryMode.None,
            FiresReminders = firesReminders,
            Fleet = new FleetOptions { AdvanceEvery = Step },
            ConfigureSilo = configureSilo,
        });

    private static async Task<int> WavesCompletedAsync(IEventJournal journal, ReleaseId release) =>
        (await journal.ReadAsync(release.ToString(), 0, Ct)).Count(e => e.Data is WaveCompleted);

    private static async Task<int> StepRemindersAsync(string database)
    {
        await using var connection = await ClusterPool.For(database).OpenConnectionAsync(Ct);
        await using var count = new NpgsqlCommand("SELECT count(*)::int FROM OrleansRemindersTable WHERE ReminderName = 'rollout-steps'", connection);
        return (int)(await count.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<int> WaitForAsync(Func<Task<int>> read, int wanted, bool downwards = false)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        var value = await read();
        while ((downwards ? value > wanted : value < wanted) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
            value = await read();
        }

        return value;
    }
}
