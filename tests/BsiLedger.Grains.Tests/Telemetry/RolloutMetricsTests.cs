using BsiLedger.Domain;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Domain.Releases.Pacing;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Telemetry;
using BsiLedger.Grains.Tests.Rollouts;
using Npgsql;

namespace BsiLedger.Grains.Tests.Telemetry;

/// <summary>The rollout's metrics after a small rollout and recall, against what the ledger and the release hold.</summary>
public sealed class RolloutMetricsTests(SimulatedSilo silo) : IClassFixture<SimulatedSilo>, IDisposable
{
    private readonly MetricReadings _metrics = new();

    [Fact]
    public async Task Offers_installs_applies_and_failures_are_counted_as_the_ledger_holds_them_and_the_wave_reads_its_failure_rate()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(60);
        foreach (var id in ids.Take(10))
        {
            silo.Agent.SetFailing(id);
        }

        foreach (var id in ids.Skip(10).Take(5))
        {
            silo.Agent.SetOffline(id, true);
        }

        var release = fleet.Release('a');
        var name = release.ToString();
        await fleet.PublishAndPlanAsync(release, TestFleet.Plan(10, (1.0, 24, 0.5)));
        var appendsBefore = _metrics.Of(JournalMetrics.AppendDurationName).Count;

        await fleet.ReleaseGrain(release).Start(TestFleet.Operator, Provenance.NewCommand());

        Assert.Equal(60, _metrics.Sum("bsi.rollout.offers", name));
        Assert.Equal(5, _metrics.Of("bsi.rollout.offers", name).Count(r => (string?)r.Tags["bsi.offer.outcome"] == "offline"));
        Assert.Equal(45, _metrics.Sum("bsi.device.installs", name));
        Assert.Equal(await StoredAsync("bsi.bsi-installed", ids), _metrics.Sum("bsi.device.installs", name));
        Assert.Equal(await StoredAsync("bsi.bsi-applied", ids), _metrics.Sum("bsi.device.applies", name));
        Assert.Equal(await StoredAsync("bsi.bsi-install-failed", ids), _metrics.Sum("bsi.device.install_failures", name));
        Assert.Equal(10, _metrics.Sum("bsi.device.install_failures", name));

        var status = await fleet.ReleaseGrain(release).Status();
        Assert.Equal(status.Release.Waves[0].Latest.FailureRate, _metrics.Observe("bsi.wave.failure_rate", name).Value, 1e-9);
        Assert.Equal(10.0 / 55, _metrics.Observe("bsi.wave.failure_rate", name).Value, 1e-9);
        Assert.Equal(0.5, _metrics.Observe("bsi.wave.failure_threshold", name).Value);
        Assert.Equal(55, _metrics.Observe("bsi.wave.attempts", name).Value);

        // Every device's append was measured, and every event it wrote went through a measured batch.
        Assert.True(_metrics.Of(JournalMetrics.AppendDurationName).Count - appendsBefore >= 55 + 1);
        Assert.True(_metrics.Of(JournalMetrics.AppendBatchSizeName).Sum(r => r.Value) >= 45 * 2 + 10 + 1);
    }

    [Fact]
    public async Task A_recall_reads_its_pending_devices_until_they_check_in_and_times_each_withdrawal()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(40);
        var release = fleet.Release('a');
        var name = release.ToString();
        var grain = await fleet.StartedAsync(release, TestFleet.Plan(10, (1.0, 24, 0.5)));
        var offline = ids.Take(3).ToArray();
        foreach (var id in offline)
        {
            silo.Agent.SetOffline(id, true);
        }

        await grain.Recall("breaks sign-in pages", TestFleet.Operator, Provenance.NewCommand());

        Assert.Equal(3, _metrics.Observe("bsi.recall.pending", name).Value);
        Assert.Equal(37, _metrics.Of("bsi.recall.propagation.duration", name).Count);
        Assert.Equal(37, _metrics.Sum("bsi.device.withdrawals", name));

        foreach (var id in offline)
        {
            await fleet.Device(id).CheckIn(Provenance.NewCommand());
        }

        await grain.Advance();
        Assert.Equal(0, _metrics.Observe("bsi.recall.pending", name).Value);
        var latencies = _metrics.Of("bsi.recall.propagation.duration", name);
        Assert.Equal(40, latencies.Count);
        Assert.All(latencies, r => Assert.InRange(r.Value, 0, 120));
        Assert.Equal(await StoredAsync("bsi.bsi-withdrawn", ids), _metrics.Sum("bsi.device.withdrawals", name));
    }

    [Fact]
    public async Task A_paced_wave_reads_its_offer_rate_and_its_failure_rate_over_what_its_devices_have_reported()
    {
        var fleet = TestFleet.NewLine(silo.Grains);
        var ids = await fleet.EnrollAsync(300);
        foreach (var id in ids)
        {
            silo.Agent.SetReportingLater(id);
        }

        var release = fleet.Release('a');
        var name = release.ToString();
        var grain = await fleet.StartedAsync(release, new RolloutPlan([new WavePlan(1.0, TimeSpan.FromHours(24), 0.5, WavePacing.Rate(40))], 100));
        silo.Clock.Advance(TimeSpan.FromHours(1));
        var wave = (await grain.Advance()).Release.CurrentWave!;
        var offered = TestFleet.InCohort(ids, release, 0, wave.ShareAt(0, wave.Pacing!.Offered));
        foreach (var (id, i) in offered.Take(25).Select((id, i) => (id, i)))
        {
            DeviceCommand report = i < 5 ? new ReportInstallFailure(id, release, "disk full", Cause.Device(id)) : new InstallBsi(id, release, Cause.Device(id));
            await fleet.Device(id).Execute(report, Provenance.NewCommand());
        }

        silo.Clock.Advance(TimeSpan.FromHours(1));
        await grain.Advance();

        Assert.Equal(40, _metrics.Observe("bsi.wave.offer_rate", name).Value);
        Assert.Equal(25, _metrics.Observe("bsi.wave.attempts", name).Value);
        Assert.Equal(0.2, _metrics.Observe("bsi.wave.failure_rate", name).Value, 1e-9);
        // Paused, the wave sends nothing: its rate is no longer among the gauges collected.
        await grain.Execute(new PauseRollout(release, TestFleet.Operator), Provenance.NewCommand());
        var rates = _metrics.Of("bsi.wave.offer_rate", name).Count;
        _metrics.Observe("bsi.wave.attempts", name);
        Assert.Equal(rates, _metrics.Of("bsi.wave.offer_rate", name).Count);
    }

    public void Dispose() => _metrics.Dispose();

    private async Task<long> StoredAsync(string type, IEnumerable<string> streams)
    {
        await using var connection = new NpgsqlConnection(silo.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            $"select count(*) from {LedgerStoreOptions.Schema}.mt_events where type = @type and stream_id = any(@ids)", connection);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("ids", streams.ToArray());
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
