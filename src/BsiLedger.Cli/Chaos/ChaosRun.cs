using System.Diagnostics;
using System.Globalization;
using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Operations.Input;
using Npgsql;

namespace BsiLedger.Cli.Chaos;

/// <summary>
/// One chaos run: the silos as <c>bsi serve</c> children on one database, the fleet enrolled, the rollout and its recall
/// driven while a silo is killed every interval, a bounded drain, the silos stopped, and the database judged.
/// </summary>
public sealed class ChaosRun(ChaosSettings settings, string connectionString, ChaosLog log)
{
    /// <summary>After the duration: how long the agents keep checking in for the recall to complete.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan StatusEvery = TimeSpan.FromSeconds(10);

    public async Task<ChaosResult> RunAsync(CancellationToken ct)
    {
        await EnsureEmptyAsync(ct);
        var tokens = new ChaosTokens();
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        })
        { Timeout = TimeSpan.FromSeconds(60) };

        var silos = Enumerable.Range(1, settings.Silos)
            .Select(n => new SiloProcess(n, SiloPorts.Pick(), connectionString, tokens, settings.Out))
            .ToArray();
        try
        {
            await StartAsync(silos, http, ct);
            return await DriveAsync(silos, http, tokens, ct);
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private async Task<ChaosResult> DriveAsync(SiloProcess[] silos, HttpClient http, ChaosTokens tokens, CancellationToken ct)
    {
        var api = new ClusterApi(silos, http);
        var acknowledged = new Acknowledgements();
        var rollout = new ChaosRollout(api, tokens.Operator, settings, acknowledged, log);
        var devices = ChaosRollout.DeviceIds(settings.Devices);
        log.Line($"enrolling {settings.Devices:N0} devices through the API");
        await rollout.EnrolAsync(devices, ct);

        var agents = new DeviceAgents(api, tokens.Devices, devices, settings.Seed, acknowledged);
        var killer = new SiloKiller(silos, http, settings.KillEvery, settings.Seed, log);
        using var stopAgents = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var stopKills = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var stopStatus = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var agentsRun = agents.RunAsync(stopAgents.Token);
        var killing = killer.RunAsync(stopKills.Token);
        var status = ReportStatusAsync(silos, api, agents, killer, acknowledged, stopStatus.Token);
        log.Line($"rollout for {settings.Duration.TotalSeconds:0} s with a SIGKILL every {settings.KillEvery.TotalSeconds:0} s");

        bool completed;
        try
        {
            var duration = Task.Delay(settings.Duration, ct);
            await rollout.RunAsync(ct);
            await duration;
            await stopKills.CancelAsync();
            await killing;
            log.Line($"duration over after {killer.Kills.Count} kills; every silo is up; draining (at most {Drain.TotalSeconds:0} s)");
            completed = await DrainAsync(rollout, killer.Kills.Count > 0 ? killer.Kills[^1] : null, ct);
            log.Line(completed ? "the recall is complete" : "the recall did not complete within the drain");
        }
        finally
        {
            // On failure too: nothing keeps killing or checking in while the silos are taken down.
            await stopKills.CancelAsync();
            await stopAgents.CancelAsync();
            await stopStatus.CancelAsync();
        }

        await agentsRun;
        await status;

        log.Line("stopping the silos");
        await Task.WhenAll(silos.Select(s => s.StopAsync(TimeSpan.FromSeconds(20))));
        log.Line("checking the ledger");
        var report = await new RolloutInvariants(connectionString).CheckAsync(ChaosRollout.Recalled, acknowledged.All, ct);
        var untilNext = await new RolloutEventTimes(connectionString).UntilNextAsync([.. killer.Kills.Select(k => k.At)], ct);
        var counts = new ChaosCounts(completed, acknowledged.Count, api.Requests, api.Retries, agents.CheckIns, agents.Reports, log.Elapsed.TotalSeconds);
        return ChaosResult.Of(settings, counts, killer.Kills, untilNext, report);
    }

    /// <summary>
    /// The agents keep checking in until the recall is complete (devices it could not reach are reached at their check-in)
    /// and the rollout has moved since the last kill, so that kill is measured too; true when the recall completed.
    /// </summary>
    private async Task<bool> DrainAsync(ChaosRollout rollout, SiloKill? last, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var times = new RolloutEventTimes(connectionString);
        var completed = false;
        while (clock.Elapsed < Drain)
        {
            completed = completed || await rollout.RecallCompletedAsync(ct);
            if (completed && (last is null || (await times.UntilNextAsync([last.At], ct))[0] is not null))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }

        return completed;
    }

    /// <summary>The first silo alone (it creates the ledger's and the cluster's tables), then the others together.</summary>
    private async Task StartAsync(SiloProcess[] silos, HttpClient http, CancellationToken ct)
    {
        log.Line($"starting silo 1 of {silos.Length} (logs in {settings.Out})");
        silos[0].Start();
        await silos[0].WaitUpAsync(http, ct);
        foreach (var silo in silos.Skip(1))
        {
            silo.Start();
        }

        await Task.WhenAll(silos.Skip(1).Select(s => s.WaitUpAsync(http, ct)));
        log.Line($"{silos.Length} silos up: {string.Join(", ", silos.Select(s => $"{s.Number} pid {s.ProcessId} {s.Address}"))}");
    }

    private async Task ReportStatusAsync(SiloProcess[] silos, ClusterApi api, DeviceAgents agents, SiloKiller killer, Acknowledgements acknowledged, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(StatusEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                log.Line(string.Create(CultureInfo.InvariantCulture,
                    $"silos up {silos.Count(s => s.IsUp)}/{silos.Length}, kills {killer.Kills.Count}, sweeps {agents.Sweeps}, check-ins {agents.CheckIns:N0}, reports {agents.Reports:N0}, acknowledged {acknowledged.Count:N0}, requests {api.Requests:N0} (retried {api.Retries:N0})"));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    /// <summary>Chaos judges the whole ledger: one that already holds events would be judged with someone else's history.</summary>
    private async Task EnsureEmptyAsync(CancellationToken ct)
    {
        await using (var connection = await LedgerDataSource.OpenAsync(connectionString, ct))
        {
            await using var exists = new NpgsqlCommand($"select to_regclass('{LedgerStoreOptions.Schema}.mt_events') is not null", connection);
            if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
            {
                return;
            }
        }

        if (await new LedgerStatistics(connectionString).EventsAsync(ct) is > 0 and var events)
        {
            throw new UsageException($"the ledger already holds {events:N0} events: chaos judges a whole ledger, so give it an empty one (a fresh --out, or --connection to an empty database)");
        }
    }
}
