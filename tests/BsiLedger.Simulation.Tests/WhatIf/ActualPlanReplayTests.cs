using System.Text.Json;
using BsiLedger.Simulation.Runs;
using BsiLedger.Simulation.Scenarios;
using BsiLedger.Simulation.WhatIf;
using BsiLedger.Testing;

namespace BsiLedger.Simulation.Tests.WhatIf;

/// <summary>
/// The replay's promise: played again under the plan it actually had, a release's rollout comes out as the ledger
/// holds it, wave by wave, halt, installs, failures, exposure and adoption times, for every release of the built-in
/// scenario (paced waves, devices that take hours, offline devices, a halt inside a wave and a recall).
/// </summary>
public sealed class ActualPlanReplayTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Every_release_of_the_built_in_scenario_replayed_under_its_own_plan_gives_the_actual_rollout()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var scenario = BuiltInScenario.Create(devices: 10_000);
        await new SimulationRun(scenario, new SimulationOptions(connection) { Shards = 32 }).RunAsync(TestContext.Current.CancellationToken);

        var results = new Dictionary<string, WhatIfResult>();
        foreach (var release in scenario.Releases)
        {
            var replay = await WhatIfReplay.LoadAsync(connection, release.Id, TestContext.Current.CancellationToken);
            var result = replay.Compare(replay.ActualPlan);

            Assert.Equal(WhatIfLedger.Simulation, result.Ledger);
            Assert.Equal(JsonSerializer.Serialize(result.Actual), JsonSerializer.Serialize(result.Replay));
            results[release.Id.ToString()] = result;
        }

        // What was compared is the rollout itself: a halt inside a paced wave, a recall that found devices exposed.
        var halted = results[BuiltInScenario.Halting.ToString()].Actual;
        Assert.True(halted.Halted is { Wave: > 0 } && halted.Installed > 0, $"halted: {halted.Halted}, installed {halted.Installed}");
        var recalled = results[BuiltInScenario.Recalled.ToString()].Actual;
        Assert.True(recalled.Exposure is { Devices: > 0, LongestHours: > 0 }, $"exposure: {recalled.Exposure}");
        Assert.All(results.Values.Where(r => r.Actual is { Halted: null, Exposure: null }), r => Assert.True(r.Actual.TimeTo50 > 0, JsonSerializer.Serialize(r)));
    }
}
