using System.Diagnostics;
using BsiLedger.Domain;
using BsiLedger.EventStore.Journal;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Devices;
using BsiLedger.Grains.Fleet;
using BsiLedger.Grains.Releases;
using BsiLedger.Host;
using BsiLedger.Host.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace BsiLedger.Bench;

/// <summary>
/// Every command through its device grain, in a host of its own, so every event is one conditional
/// append through the journal; the journal's options decide how many appends share a transaction.
/// Telemetry is off unless the phase adds its own.
/// </summary>
public sealed class GrainPathPhase(string name, string devicePrefix, JournalOptions journal, Action<IServiceCollection>? telemetry = null, int? poolSize = null)
{
    public string Name => name;

    public JournalOptions Journal => journal;

    /// <summary>Every timed device's id, and so its stream's, starts with this.</summary>
    public string TimedDevicePrefix => $"{devicePrefix}-run-";

    /// <summary>Every warm-up device's id starts with this.</summary>
    public string WarmUpDevicePrefix => $"{devicePrefix}-warm-";

    /// <summary>
    /// The batched path in a host of its own, untimed, before any timed phase: the first host in a process ran about a
    /// third slower than the same one after it (the JIT's tiers, the database's first writes), whichever it was.
    /// </summary>
    public static GrainPathPhase WarmUp(string runId) =>
        new("warm-up", $"bench-{runId}-warm-up", new JournalOptions());

    /// <summary>The default path; <paramref name="pass"/> tells apart the runs of it in one database.</summary>
    public static GrainPathPhase Batched(string runId, int pass) =>
        new("grain path, batched", $"bench-{runId}-batched-{pass}", new JournalOptions());

    /// <summary>
    /// The batched path traced as a silo would be (every source of a command's trace, sampled as OTEL_TRACES_SAMPLER
    /// says, batch export) into an exporter that drops the spans: what tracing costs is the difference.
    /// </summary>
    public static GrainPathPhase Traced(string runId) =>
        new("grain path, batched, traced", $"bench-{runId}-traced", new JournalOptions(), services => services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddLedgerSources().AddProcessor(new BatchActivityExportProcessor(new DiscardingExporter()))));

    /// <summary>
    /// The grain path over a journal that acknowledges at once (<see cref="InstantJournal"/>): grain calls and decisions
    /// without hashing, Marten or PostgreSQL. The release's listing still comes from the database.
    /// </summary>
    public static GrainPathPhase WithoutJournal(string runId, int pass) =>
        new("grain path, no journal", $"bench-{runId}-no-journal-{pass}", new JournalOptions(), services => services.AddSingleton<IEventJournal, InstantJournal>());

    /// <summary>The batched path with the hash chain off: what the chain costs is the difference.</summary>
    public static GrainPathPhase Unchained(string runId, int pass) =>
        new("grain path, batched, no hash chain", $"bench-{runId}-unchained-{pass}", new JournalOptions { ChainEvents = false });

    /// <summary>
    /// One append per transaction. The journal still queues appends, so it gets one writer per device in
    /// flight: each append has a transaction of its own as soon as a connection is free, as when every grain wrote
    /// for itself. Its pool is not the process's budget (which would measure the budget) but what a stock server's
    /// 100 connections leave room for beside the batched hosts' idle pool.
    /// </summary>
    public static GrainPathPhase Baseline(string runId, int concurrency) =>
        new("baseline", $"bench-{runId}-baseline", new JournalOptions { MaxStreamsPerCommit = 1, MaxStreamsPerRead = 1, Writers = concurrency }, poolSize: BaselinePoolSize);

    public const int BaselinePoolSize = 64;

    public async Task<PhaseResult> RunAsync(string connectionString, int devices, int concurrency, CancellationToken ct)
    {
        var pooled = poolSize is { } size ? new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = size }.ConnectionString : connectionString;
        // No rollout steps here, so no reminders and no Orleans pool: the phase measures the ledger's own connections.
        using var host = await LedgerHost.StartAsync(new LedgerHostOptions(pooled)
        {
            Telemetry = TelemetryMode.None,
            Journal = journal,
            Fleet = new FleetOptions { AdvanceEvery = null },
            ConfigureServices = telemetry,
        }, ct);
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            await PublishAsync(grains);
            // One device per slot, untimed: activations, first-use costs and the thread pool's ramp-up
            // stay out of the figures.
            await DriveAllAsync(grains, WarmUpDevicePrefix, concurrency, concurrency, progress: null, ct);

            var total = (long)devices * DeviceScript.EventsPerDevice;
            await using var progress = new Progress(name, total);
            var gc = GcFigures.Now();
            var clock = Stopwatch.StartNew();
            await DriveAllAsync(grains, TimedDevicePrefix, devices, concurrency, progress, ct);
            return new PhaseResult(name, total, clock.Elapsed.TotalSeconds, journal, GcFigures.Now().Since(gc));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task PublishAsync(IGrainFactory grains)
    {
        var publication = DeviceScript.Publication;
        var outcome = await grains.GetGrain<IReleaseGrain>(publication.Release.ToString()).Execute(publication, Provenance.NewCommand());
        if (outcome.Status == CommandStatus.Refused)
        {
            throw new InvalidOperationException($"publishing {publication.Release} was refused ({outcome.Error?.Code})");
        }
    }

    private static Task DriveAllAsync(IGrainFactory grains, string prefix, int devices, int concurrency, Progress? progress, CancellationToken ct) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, devices),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (i, _) => await DriveAsync(grains, $"{prefix}{i}", progress));

    private static async Task DriveAsync(IGrainFactory grains, string deviceId, Progress? progress)
    {
        var grain = grains.GetGrain<IDeviceGrain>(deviceId);
        foreach (var command in DeviceScript.Commands(deviceId))
        {
            var outcome = await grain.Execute(command, Provenance.NewCommand());
            if (outcome.Status != CommandStatus.Accepted || outcome.EventsAppended != 1)
            {
                throw new InvalidOperationException(
                    $"{deviceId}: {command.GetType().Name} was {outcome.Status} ({outcome.Error?.Code}); the benchmark expects one event per command");
            }

            progress?.Add(1);
        }
    }
}
