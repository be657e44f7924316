using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using BsiLedger.Domain;
using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.Outages;
using BsiLedger.EventStore.ReadModels;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Devices;
using BsiLedger.Grains.Releases;
using BsiLedger.Grains.Releases.Reports;
using BsiLedger.Simulation.Fleet;
using BsiLedger.Simulation.Reports;
using BsiLedger.Simulation.Scenarios;
using BsiLedger.Simulation.WhatIf;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace BsiLedger.Simulation.Runs;

/// <summary>
/// Runs a scenario through the real silo and ledger on a virtual clock: enrol the fleet, publish and start every
/// release, then step the clock (offline devices check in, releases take their due steps, the recall is issued
/// when its time comes) until every rollout has finished, halted or been recalled to completion.
/// </summary>
public sealed class SimulationRun(Scenario scenario, SimulationOptions options)
{
    private static readonly Cause Engineer = Cause.Operator("simulation");

    public async Task<SimulationReport> RunAsync(CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        var fleet = new SimulatedFleet(scenario);
        var clock = new VirtualClock(options.Start);
        var reports = new PendingReports();
        await using var silos = SimulationSilos.For(options, clock, new SimulatedAgent(fleet, clock, reports));
        await silos.StartAsync(cancellationToken);
        if (options.Silos > 1)
        {
            options.Progress.Milestone(string.Create(CultureInfo.InvariantCulture, $"{options.Silos} silos in one cluster"));
        }

        var index = silos.First.GetRequiredService<ILedgerIndex>();
        if (await index.EventCountAsync(cancellationToken) is > 0 and var existing)
        {
            throw new LedgerNotEmptyException(existing);
        }

        await new SimulationRecord(scenario, options.Start, options.Step).SaveAsync(options.ConnectionString, cancellationToken);

        var grains = silos.First.GetRequiredService<IGrainFactory>();
        using var ticker = new ProgressTicker(options.Progress);
        await EnrollAsync(grains, fleet, ticker, cancellationToken);
        if (options.Silos > 1)
        {
            options.Progress.Milestone($"device grains per silo: {string.Join(", ", await silos.DevicesPerSiloAsync())}");
        }

        await PublishAndStartAsync(grains);
        var schedule = new CheckInSchedule(fleet, options.Start);
        var recallTiming = await StepAsync(grains, clock, schedule, new DeviceReporter(grains, fleet, reports, options.Concurrency), ticker, cancellationToken);

        var releases = await Task.WhenAll(scenario.Releases.Select(async spec =>
            await EndOfRunRelease.ReadAsync(index, await Release(grains, spec.Id).Status(), cancellationToken)));
        var events = await index.EventCountAsync(cancellationToken);
        wall.Stop();
        using var process = Process.GetCurrentProcess();
        var report = new SimulationReport(
            scenario.Seed,
            fleet.Count,
            schedule.Devices,
            events,
            wall.Elapsed.TotalSeconds,
            events / wall.Elapsed.TotalSeconds,
            process.PeakWorkingSet64,
            options.Start,
            clock.GetUtcNow(),
            [.. releases],
            recallTiming,
            options.Silos);
        await CatchUpReadModelsAsync(silos.First.GetRequiredService<IDocumentStore>(), cancellationToken);
        return report;
    }

    /// <summary>
    /// The daemon projected while the fleet ran; what it has not reached yet it finishes before the silo stops, so
    /// <c>bsi audit exposed</c> on the run's ledger answers at once. Not part of <c>wallSeconds</c>.
    /// </summary>
    private async Task CatchUpReadModelsAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var timer = Stopwatch.StartNew();
        await ReadModelProgress.WaitAsync(store, TimeSpan.FromMinutes(30), cancellationToken);
        options.Progress.Milestone(string.Create(CultureInfo.InvariantCulture, $"read models caught up with the ledger {timer.Elapsed.TotalSeconds:0.0} s after the run"));
    }

    private async Task EnrollAsync(IGrainFactory grains, SimulatedFleet fleet, ProgressTicker ticker, CancellationToken cancellationToken)
    {
        var done = 0L;
        ticker.Track("enrolling", fleet.Count, "devices", () => Interlocked.Read(ref done));
        await Parallel.ForEachAsync(fleet.All(), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, async (device, _) =>
        {
            var outcome = await grains.GetGrain<IDeviceGrain>(device.Id).Execute(
                new EnrollDevice(device.Id, device.Platform, device.Model, device.Os, device.AutoInstall, device.Managed, device.MdmPolicy, Engineer),
                Provenance.NewCommand());
            Expect(outcome, $"enrolling {device.Id}");
            Interlocked.Increment(ref done);
        });
        ticker.Finish();
        // Every device grain is now active and idle: what one costs decides whether they can stay resident (docs/scale.md).
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        options.Progress.Milestone(string.Create(CultureInfo.InvariantCulture,
            $"{fleet.Count:N0} device grains resident: managed heap {heap / 1048576.0:N0} MiB, about {heap / Math.Max(fleet.Count, 1):N0} bytes per device"));
    }

    private async Task PublishAndStartAsync(IGrainFactory grains)
    {
        foreach (var spec in scenario.Releases)
        {
            var release = Release(grains, spec.Id);
            Expect(await release.Execute(new PublishRelease(spec.Id, spec.Components, spec.Cves, spec.Activation, spec.Supersedes, Engineer), Provenance.NewCommand()), $"publishing {spec.Id}");
            Expect(await release.Execute(new PlanRollout(spec.Id, spec.Plan, Engineer), Provenance.NewCommand()), $"planning {spec.Id}");
        }

        foreach (var spec in scenario.Releases)
        {
            Expect(await Release(grains, spec.Id).Start(Engineer, Provenance.NewCommand()), $"starting {spec.Id}");
            options.Progress.Milestone($"{spec.Id}: rollout started");
        }
    }

    private async Task<RecallTiming?> StepAsync(
        IGrainFactory grains, VirtualClock clock, CheckInSchedule schedule, DeviceReporter reporter, ProgressTicker ticker, CancellationToken cancellationToken)
    {
        var step = scenario.Fleet.CheckInEvery < options.Step ? scenario.Fleet.CheckInEvery : options.Step;
        var recallAt = scenario.Recall is { } r ? options.Start + r.At : (DateTimeOffset?)null;
        var horizon = options.Start + RunHorizon.Of(scenario);
        // The horizon is the latest the rollouts can settle; most runs settle sooner, so the ETA is an upper bound.
        ticker.Track("rollout", (long)RunHorizon.Of(scenario).TotalHours, "h of domain time", () => (long)(clock.GetUtcNow() - options.Start).TotalHours);
        RecallTiming? recallTiming = null;
        var phases = new Dictionary<ReleaseId, string>();
        var settled = false;
        for (var now = options.Start + step; now <= horizon; now += step)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (recallAt is { } due && recallTiming is null && due <= now)
            {
                clock.MoveTo(due);
                recallTiming = await RecallAsync(grains, cancellationToken);
            }

            clock.MoveTo(now);
            // Once every rollout has settled the run only lets the reports still due land (the slowest devices apply
            // days after their offer): offline devices stop checking in, as the run without delays stopped there.
            var checkingIn = settled ? [] : schedule.TakeDue(now);
            await Parallel.ForEachAsync(checkingIn, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                async (id, _) => await grains.GetGrain<IDeviceGrain>(id).CheckIn(Provenance.NewCommand()));
            await reporter.ReportDueAsync(now, cancellationToken);

            var statuses = await Task.WhenAll(scenario.Releases.Select(s => Release(grains, s.Id).Advance()));
            ReportChanges(statuses, phases, now);
            settled = (recallAt is null || recallTiming is not null) && statuses.All(IsSettled);
            if (settled && reporter.Pending == 0)
            {
                break;
            }
        }

        ticker.Finish();
        return recallTiming;
    }

    private async Task<RecallTiming> RecallAsync(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var recall = scenario.Recall!;
        var command = Provenance.NewCommand();
        var timer = Stopwatch.StartNew();
        Expect(await Release(grains, recall.Release).Recall(recall.Reason, Engineer, command), $"recalling {recall.Release}");
        var fanOut = timer.Elapsed.TotalSeconds;
        var reached = await OutageRetry.RunAsync(
            () => RecallPropagation.MeasureAsync(options.ConnectionString, command.CorrelationId, cancellationToken), options.OutageTolerance, cancellationToken);
        var status = await Release(grains, recall.Release).Status();
        var pending = status.Recall?.Pending ?? 0;
        options.Progress.Milestone(string.Create(CultureInfo.InvariantCulture,
            $"{recall.Release}: recalled; online exposed devices withdrawn {reached.TotalSeconds:0.0} s after RecallIssued (fan-out over the whole line {fanOut:0.0} s), {pending:N0} offline device(s) pending"));
        return new RecallTiming(recall.Release.ToString(), reached.TotalSeconds, pending);
    }

    private void ReportChanges(ReleaseSnapshot[] statuses, Dictionary<ReleaseId, string> seen, DateTimeOffset now)
    {
        foreach (var status in statuses)
        {
            var release = status.Release;
            var summary = $"{release.Phase}, wave {release.Waves.Length}/{release.Plan?.Waves.Length}"
                + (release.Recall is { } r ? r.IsComplete ? ", recall complete" : $", recall pending {status.Recall?.Pending}" : "");
            if (seen.GetValueOrDefault(release.Id) != summary)
            {
                seen[release.Id] = summary;
                options.Progress.Milestone($"T+{(now - options.Start).TotalHours:0}h {release.Id}: {summary}");
            }
        }
    }

    /// <summary>Nothing more will happen by itself: finished, halted (no operator resumes it here), or recalled and complete.</summary>
    private static bool IsSettled(ReleaseSnapshot status) => status.Release switch
    {
        { Recall: { } recall } => recall.IsComplete,
        { Phase: RolloutPhase.Completed or RolloutPhase.Halted } => true,
        _ => false,
    };

    private static IReleaseGrain Release(IGrainFactory grains, ReleaseId id) => grains.GetGrain<IReleaseGrain>(id.ToString());

    private static void Expect(CommandOutcome outcome, string what)
    {
        if (outcome.Error is { } error)
        {
            throw new InvalidOperationException($"{what} was refused: {error.Code}: {error.Message}");
        }
    }
}
