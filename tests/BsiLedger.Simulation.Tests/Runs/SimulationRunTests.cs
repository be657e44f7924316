using System.Text.Json;
using BsiLedger.Simulation.Reports;
using BsiLedger.Simulation.Runs;
using BsiLedger.Simulation.Scenarios;
using BsiLedger.Simulation.Tests.Scenarios;
using BsiLedger.Testing;

namespace BsiLedger.Simulation.Tests.Runs;

public sealed class SimulationRunTests(PostgresFixture postgres)
{
    private static readonly string DesignExample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", "design-example.json"));

    [Fact]
    public async Task The_same_scenario_and_seed_give_the_same_counts_and_a_recall_completes_only_after_offline_devices_check_in()
    {
        // The design example without its bad model, so the rollout is still running when the recall comes.
        var scenario = ScenarioFile.Parse(DesignExample.Replace("\"rate\": 0.3", "\"rate\": 0.01", StringComparison.Ordinal))
            .WithOverrides(devices: 3_000, seed: null);

        var first = await RunAsync(scenario);
        var second = await RunAsync(scenario);

        Assert.Equal(Counts(first), Counts(second));
        var recalled = first.Releases.Single(r => r.Release == "iOS 26.3.1 (a)");
        var recall = Assert.IsType<Grains.Releases.Reports.RecallReport>(recalled.Recall);
        // Offline devices that took the release at a check-in after their wave's count are exposed too.
        Assert.InRange(recall.Exposed, first.Releases[0].Waves.Sum(w => w.Installed), int.MaxValue);
        Assert.Equal((0, recall.Exposed), (recall.Pending, recall.Withdrawn + recall.Settled));
        Assert.True(recall.CompletedAt > recall.IssuedAt, "the offline devices withdrew later, at their check-ins");
        Assert.True(first.RecallTiming!.PendingOffline > 0, "some exposed devices were offline when the recall was issued");
        Assert.Equal(scenario.Recall!.At, recall.IssuedAt - first.DomainStart);
        Assert.True(first.EventsAppended > scenario.Fleet.Devices, "every enrolment and every install is an event");
    }

    [Fact]
    public async Task On_three_silos_the_fleet_spreads_over_them_and_the_rollout_recorded_is_the_one_a_single_silo_records()
    {
        var scenario = BuiltInScenario.Create(devices: 1_500, seed: 11);
        var milestones = new MilestoneRecorder();

        var one = await RunAsync(scenario);
        var three = await RunAsync(scenario, silos: 3, milestones);

        Assert.Equal(3, three.Silos);
        Assert.Equal(Counts(one with { Silos = 3 }), Counts(three));
        var perSilo = milestones.Lines.Single(l => l.StartsWith("device grains per silo: ", StringComparison.Ordinal))["device grains per silo: ".Length..]
            .Split(", ").Select(int.Parse).ToArray();
        Assert.Equal(3, perSilo.Length);
        Assert.Equal(scenario.Fleet.Devices, perSilo.Sum());
        Assert.True(perSilo.Count(n => n > 0) > 1, $"the device grains stayed on one silo: {string.Join(", ", perSilo)}");
    }

    [Fact]
    public async Task Paced_waves_on_devices_that_take_their_time_halt_the_bad_release_inside_a_wave_with_a_far_smaller_blast_radius()
    {
        var scenario = BuiltInScenario.Create(devices: 3_000, seed: 42);

        var atOnce = (await RunAsync(AtOnce.Of(scenario))).Releases.Single(r => r.Release == BuiltInScenario.Halting.ToString());
        var paced = (await RunAsync(scenario)).Releases.Single(r => r.Release == BuiltInScenario.Halting.ToString());

        Assert.Equal(("halted", "halted"), (atOnce.Phase, paced.Phase));
        var halt = paced.Halted!;
        var wave = paced.Waves[halt.Wave];
        Assert.True(halt.At > wave.StartedAt, "the paced wave halted after its start, as its failures came in");
        Assert.True(halt is { Offered: > 0, NotOffered: > 0 }, $"offered {halt.Offered}, never offered {halt.NotOffered}");
        Assert.Equal(wave.Slice, halt.Offered + halt.NotOffered);
        var (before, after) = (atOnce.BlastRadius!, paced.BlastRadius!);
        Assert.Equal(before.Reachable, after.Reachable);
        Assert.True(after.Installed * 2 < before.Installed, $"paced, {after.Installed} devices installed the bad release; at once, {before.Installed}");
    }

    [Fact]
    public async Task Devices_that_take_their_time_install_and_apply_over_the_hours_after_their_offer_and_the_run_is_the_same_every_time()
    {
        var scenario = BuiltInScenario.Create(devices: 1_500, seed: 5);

        var first = await RunAsync(scenario);
        var second = await RunAsync(scenario);

        Assert.Equal(Counts(first), Counts(second));
        var completed = first.Releases.First(r => r.Phase == "completed");
        Assert.Equal(completed.BlastRadius!.Installed, completed.Waves.Sum(w => w.Installed));
        Assert.Equal(completed.Waves.Sum(w => w.Installed), completed.Waves.Sum(w => w.Applied));
        Assert.True(first.DomainEnd > first.DomainStart + TimeSpan.FromHours(144), "the last wave's devices took hours after its offers");
    }

    [Fact]
    public async Task A_simulation_refuses_a_ledger_that_already_holds_events_and_appends_nothing()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var scenario = BuiltInScenario.Create(devices: 50, seed: 7);
        await new SimulationRun(scenario, new SimulationOptions(connection) { Shards = 16 }).RunAsync(TestContext.Current.CancellationToken);
        var events = await StoredRows.TotalAsync(connection);

        await Assert.ThrowsAsync<LedgerNotEmptyException>(() =>
            new SimulationRun(scenario, new SimulationOptions(connection) { Shards = 16 }).RunAsync(TestContext.Current.CancellationToken));
        Assert.Equal(events, await StoredRows.TotalAsync(connection));
    }

    private async Task<SimulationReport> RunAsync(Scenario scenario, int silos = 1, ISimulationProgress? progress = null)
    {
        var connection = await postgres.CreateDatabaseAsync();
        var options = new SimulationOptions(connection) { Shards = 32, Silos = silos, Progress = progress ?? new SilentProgress() };
        return await new SimulationRun(scenario, options).RunAsync(TestContext.Current.CancellationToken);
    }

    private sealed class MilestoneRecorder : ISimulationProgress
    {
        public List<string> Lines { get; } = [];

        public void Milestone(string line)
        {
            lock (Lines)
            {
                Lines.Add(line);
            }
        }

        public void Update(ProgressUpdate update)
        {
        }
    }

    /// <summary>Everything in the report but the wall-clock figures and the recall's id, which differ from run to run.</summary>
    private static string Counts(SimulationReport report) => JsonSerializer.Serialize(report with
    {
        WallSeconds = 0,
        EventsPerSecond = 0,
        PeakWorkingSetBytes = 0,
        RecallTiming = report.RecallTiming! with { OnlineWithdrawnSeconds = 0 },
        Releases = [.. report.Releases.Select(r => r with { Recall = r.Recall is { } recall ? recall with { RecallId = "" } : null })],
    });
}
