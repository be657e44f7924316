using System.Text.Json;
using BsiLedger.Domain.Releases;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Simulation.Runs;
using BsiLedger.Simulation.Scenarios;
using BsiLedger.Simulation.WhatIf;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.Simulation.Tests.WhatIf;

/// <summary>
/// <c>docs/scenarios/whatif-halt-recall.json</c>: waves offered at once, devices that answer at once, a quarter of
/// the fleet offline, a halt in the second wave and a recall half-way through the other release's second wave.
/// Replayed from the simulation's model, and again as a live ledger would be (the model removed).
/// </summary>
public sealed class OwnScenarioReplayTests(PostgresFixture postgres)
{
    private static readonly ReleaseId Halting = ReleaseId.Parse("iOS 26.3.1 (a)");
    private static readonly ReleaseId Recalled = ReleaseId.Parse("macOS 26.3.2 (a)");

    [Fact]
    public async Task The_actual_plans_replayed_give_the_actual_rollouts_and_a_stricter_canary_halts_sooner()
    {
        var connection = await SimulatedAsync();

        var halting = await WhatIfReplay.LoadAsync(connection, Halting, TestContext.Current.CancellationToken);
        var recalled = await WhatIfReplay.LoadAsync(connection, Recalled, TestContext.Current.CancellationToken);

        Same(halting.Compare(halting.ActualPlan));
        Same(recalled.Compare(recalled.ActualPlan));
        Assert.Equal(1, halting.Actual.Halted?.Wave);
        Assert.True(recalled.Actual.Exposure is { Devices: > 0, StillHolding: 0, LongestHours: > 0 }, $"{recalled.Actual.Exposure}");
        // Judged on its canary alone (a minimum sample the canary holds, the second wave's threshold), the release halts
        // in its first wave: fewer devices get it.
        var strict = halting.ActualPlan with { MinSample = 20, Waves = halting.ActualPlan.Waves.SetItem(0, halting.ActualPlan.Waves[0] with { FailureThreshold = 0.03 }) };
        var replay = halting.Replay(strict);
        Assert.Equal(0, replay.Halted?.Wave);
        Assert.True(replay.Installed < halting.Actual.Installed, $"{replay.Installed} installed against {halting.Actual.Installed}");
    }

    [Fact]
    public async Task On_a_live_ledger_the_actual_plan_replays_from_recorded_outcomes_and_devices_never_offered_are_unknown()
    {
        var connection = await SimulatedAsync();
        await using (var database = await LedgerDataSource.OpenAsync(connection, TestContext.Current.CancellationToken))
        {
            await new NpgsqlCommand($"drop table {SimulationRecord.TableName}", database).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var halting = await WhatIfReplay.LoadAsync(connection, Halting, TestContext.Current.CancellationToken);

        Assert.Equal(WhatIfLedger.Live, halting.Ledger);
        var actual = halting.Compare(halting.ActualPlan);
        Assert.Equal((actual.Actual.Halted, actual.Actual.Installed, actual.Actual.Failed), (actual.Replay.Halted, actual.Replay.Installed, actual.Replay.Failed));
        Assert.Equal(0, actual.Replay.Unknown);
        // A threshold no failure rate crosses offers the whole line: the devices the actual halt kept it from are unknown.
        var lenient = halting.Replay(halting.ActualPlan with { Waves = [.. halting.ActualPlan.Waves.Select(w => w with { FailureThreshold = 1 })] });
        Assert.Null(lenient.Halted);
        Assert.True(lenient.Unknown > 0 && lenient.Installed == halting.Actual.Installed, $"unknown {lenient.Unknown}, installed {lenient.Installed}");
    }

    private async Task<string> SimulatedAsync()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var scenario = ScenarioFile.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "docs", "scenarios", "whatif-halt-recall.json"), TestContext.Current.CancellationToken));
        await new SimulationRun(scenario, new SimulationOptions(connection) { Shards = 16 }).RunAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static void Same(WhatIfResult result) =>
        Assert.Equal(JsonSerializer.Serialize(result.Actual), JsonSerializer.Serialize(result.Replay));
}
