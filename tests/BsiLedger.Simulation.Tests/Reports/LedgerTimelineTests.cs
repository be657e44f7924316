using System.Collections.Immutable;
using BsiLedger.Simulation.Reports;
using BsiLedger.Simulation.Runs;
using BsiLedger.Simulation.Scenarios;
using BsiLedger.Simulation.Tests.Scenarios;
using BsiLedger.Testing;
using Npgsql;
using static BsiLedger.Simulation.Tests.Reports.HandMadeLedger;

namespace BsiLedger.Simulation.Tests.Reports;

public sealed class LedgerTimelineTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_device_runs_a_release_from_its_apply_until_it_is_withdrawn_updated_away_superseded_or_removed()
    {
        var timeline = await new LedgerTimeline(await CreateAsync(postgres)).ReadAsync(TestContext.Current.CancellationToken);

        // T+4h: withdrawing C, which that device had only staged, leaves its A running; T+62.5h counts in the 62h hour.
        Assert.Equal([(0, 1), (1, 3), (2, 5), (3, 6), (5, 5), (10, 4), (60, 3), (62, 2), (66, 1)], Hours(Curve(timeline, A.ToString())));
        Assert.Equal([(10, 1)], Hours(Curve(timeline, B.ToString())));
        Assert.DoesNotContain(timeline.Adoption, c => c.Release == C.ToString());
    }

    [Fact]
    public async Task A_recall_counts_the_devices_running_the_release_when_it_was_issued_and_the_hour_each_stopped()
    {
        var timeline = await new LedgerTimeline(await CreateAsync(postgres)).ReadAsync(TestContext.Current.CancellationToken);

        var recall = Assert.Single(timeline.Recalls);
        // Running A at T+60h: withdrawn-at-once (withdrawn that very instant), os-updated, staged-c-withdrawn, still-running.
        Assert.Equal((A.ToString(), At(60), 4), (recall.Release, recall.IssuedAt, recall.Exposed));
        Assert.Equal([(60, 3), (62, 2), (66, 1)], Hours(recall.Remaining));
    }

    [Fact]
    public async Task A_ledger_without_a_recall_has_no_recall_curve()
    {
        var timeline = await new LedgerTimeline(await CreateAsync(postgres, recall: false)).ReadAsync(TestContext.Current.CancellationToken);

        Assert.Empty(timeline.Recalls);
        Assert.NotEmpty(timeline.Adoption);
    }

    [Fact]
    public async Task The_curves_of_a_simulated_run_agree_with_its_report_and_its_events()
    {
        var connection = await postgres.CreateDatabaseAsync();
        // Devices that install and apply at once: every device that held the recalled release also ran it.
        var report = await new SimulationRun(AtOnce.Of(BuiltInScenario.Create(devices: 2_000)), new SimulationOptions(connection) { Shards = 32 })
            .RunAsync(TestContext.Current.CancellationToken);

        var timeline = await new LedgerTimeline(connection).ReadAsync(TestContext.Current.CancellationToken);

        var recalled = report.Releases.Single(r => r.Recall is not null);
        var recall = recalled.Recall!;
        var curve = Assert.Single(timeline.Recalls);
        Assert.Equal((recalled.Release, recall.IssuedAt, recall.Exposed), (curve.Release, curve.IssuedAt, curve.Exposed));
        Assert.Equal((recall.CompletedAt, recall.Pending), ((DateTimeOffset?)curve.Remaining[^1].At, curve.Remaining[^1].Devices));
        Assert.Equal(recall.Exposed, Curve(timeline, recalled.Release).Last(p => p.At < recall.IssuedAt).Devices);
        // The reachable devices are withdrawn at the instant of the recall; of the offline ones, those whose check-in
        // falls in the same hour withdraw in it too.
        Assert.Equal(recall.IssuedAt, curve.Remaining[0].At);
        Assert.InRange(curve.Remaining[0].Devices, 0, report.RecallTiming!.PendingOffline);
        foreach (var release in report.Releases.Where(r => r.Recall is null))
        {
            // Nothing takes these releases away in the scenario: every apply recorded is a device still running it.
            Assert.Equal(await AppliedEventsAsync(connection, release.Release), (long)Curve(timeline, release.Release)[^1].Devices);
        }
    }

    private static ImmutableArray<TimelinePoint> Curve(Timeline timeline, string release) =>
        Assert.Single(timeline.Adoption, c => c.Release == release).Points;

    private static (double Hours, int Devices)[] Hours(IEnumerable<TimelinePoint> points) =>
        [.. points.Select(p => ((p.At - Start).TotalHours, p.Devices))];

    private static async Task<long> AppliedEventsAsync(string connection, string release)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from bsiledger.mt_events where type = 'bsi.bsi-applied' and data ->> 'Release' = @release", db);
        count.Parameters.AddWithValue("release", release);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
