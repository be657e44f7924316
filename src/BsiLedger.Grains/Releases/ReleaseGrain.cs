using System.Diagnostics;
using BsiLedger.Domain;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.Domain.Releases.Pacing;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Telemetry;
using BsiLedger.Grains.Commands;
using BsiLedger.Grains.Fleet;
using BsiLedger.Grains.Telemetry;
using Microsoft.Extensions.Options;

namespace BsiLedger.Grains.Releases;

/// <summary>
/// Decides with <see cref="ReleaseDecider"/>; every fan-out goes to all fleet shards in parallel. A step the
/// rollout takes by itself is decided after its fan-out, on the state then, so a fan-out re-driven after a
/// timeout or a restart finds the devices already served (their commands are no-ops) and doubles nothing.
/// </summary>
public sealed class ReleaseGrain(DomainClock clock, IOptions<FleetOptions> options, IEventJournal journal, ILedgerIndex index) : DecidingGrain<ReleaseView>, IReleaseGrain, IRemindable
{
    private static readonly Cause Schedule = Cause.Policy("rollout-schedule");

    private const string StepsReminder = "rollout-steps";

    // Recall interleaves with the other methods: the stream is read and appended to by one of them at a time.
    private readonly OneAtATime _stream = new();

    private RecallProgress? _recallProgress;

    /// <summary>
    /// The running wave's reports as last counted (<see cref="Stopwatch"/> timestamp), for the gauges and the snapshot
    /// between tallies; null before the first count.
    /// </summary>
    private (int Wave, ReportedOutcomes Outcomes, long CountedAt)? _reported;

    /// <summary>Wall time of the recall's RecallIssued, for its propagation latency; null without an open recall.</summary>
    private DateTimeOffset? _recallIssuedAt;

    /// <summary>
    /// The reminder that takes the due steps while the release has work, on whichever silo owns it, so a soak's end, a
    /// recall's re-drive and the resumption after a restart do not wait for this activation's silo; null when none is known.
    /// </summary>
    private IGrainReminder? _steps;

    private ReleaseId Id => ReleaseId.Parse(this.GetPrimaryKeyString());

    private Release Current => State.Current ?? Release.Unpublished(Id);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (Current.Recall is { IsComplete: false })
        {
            var stored = await journal.ReadAsync(Id.ToString(), 0, cancellationToken);
            _recallIssuedAt = stored.FirstOrDefault(e => e.Data is RecallIssued)?.StoredAt;
        }

        await ScheduleStepsAsync();
        PostReading();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        RolloutBoard.Forget(RuntimeIdentity, Id);
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<CommandOutcome> Execute(ReleaseCommand command, Provenance provenance)
    {
        if (command.Release != Id)
        {
            throw new ArgumentException($"command for '{command.Release}' sent to release '{Id}'", nameof(command));
        }

        if (command is not (PublishRelease or PlanRollout or PauseRollout or ResumeRollout))
        {
            throw new ArgumentException($"{command.GetType().Name} is the rollout's own step: use Start, Recall or Advance", nameof(command));
        }

        using var activity = StartActivity($"release {command.GetType().Name}", provenance);
        var outcome = await DecideAsync(command, provenance);
        await AfterChangeAsync();
        if (outcome.Status == CommandStatus.Accepted && command is ResumeRollout)
        {
            await TakeDueStepsAsync();
        }

        activity?.SetTag("bsi.outcome", outcome.Status.ToString());
        return outcome;
    }

    public async Task<CommandOutcome> Start(Cause cause, Provenance provenance)
    {
        using var activity = StartActivity("release start", provenance);
        await _stream.RunAsync(RefreshNow);
        if (await _stream.RunAsync(() => FirstOutcomeAsync(provenance.CausationId)) is { } first)
        {
            // The first attempt may have lost its answer before the line heard of the wave.
            await AfterChangeAsync();
            return first;
        }

        if (ReleaseDecider.StartRefusal(Current) is { Error: { } error })
        {
            return CommandOutcome.Refused(Version, error);
        }

        var outcome = await BeginWaveAsync(0, cause, provenance);
        await AfterChangeAsync();
        return outcome;
    }

    public async Task<CommandOutcome> Recall(string reason, Cause cause, Provenance provenance)
    {
        using var activity = StartActivity("release recall", provenance);
        var outcome = await DecideAsync(new IssueRecall(Id, provenance.CorrelationId, reason, cause), provenance);
        if (outcome.Status == CommandStatus.Accepted)
        {
            // A replayed recall (its first attempt committed, then the caller lost the answer) drives its fan-out again.
            _recallIssuedAt = outcome.Replayed ? _recallIssuedAt : TimeProvider.System.GetUtcNow();
            // The line learns first, so no device checking in from now on takes the release.
            await AfterChangeAsync();
            if (Current.Recall is { IsComplete: false })
            {
                await DriveRecallAsync();
            }
        }

        return outcome;
    }

    public async Task<ReleaseSnapshot> Advance()
    {
        var asked = Stopwatch.GetTimestamp();
        await StepAsync();
        return await SnapshotAsync(asked);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // An activation woken by its reminder learns of the row here, so the tick that finds no work left removes it.
        _steps ??= await this.GetReminder(reminderName);
        await StepAsync();
    }

    public async Task<ReleaseSnapshot> Status()
    {
        var asked = Stopwatch.GetTimestamp();
        await _stream.RunAsync(RefreshNow);
        var snapshot = await SnapshotAsync(asked);
        // Another silo may have moved the rollout: this silo's gauges show what it has just read.
        PostReading();
        return snapshot;
    }

    private async Task StepAsync()
    {
        using var activity = StartActivity("release advance", null);
        await _stream.RunAsync(RefreshNow);
        await TakeDueStepsAsync();
    }

    private async Task TakeDueStepsAsync()
    {
        while (await TakeNextStepAsync())
        {
        }

        await AfterChangeAsync();
    }

    /// <summary>True when a step was taken and another may be due.</summary>
    private async Task<bool> TakeNextStepAsync()
    {
        if (Current.Recall is { IsComplete: false })
        {
            await DriveRecallAsync();
            return false;
        }

        var reported = await CheckWaveReportsAsync();
        if (Current.NextStepAt is not { } due || due > clock.Now)
        {
            return false;
        }

        var wave = Current.CurrentWave!;
        var provenance = Provenance.NewCommand();
        var outcome = wave switch
        {
            { CompletedAt: not null } => await BeginWaveAsync(wave.Index + 1, Schedule, provenance),
            { NotOffered: > 0 } => await SendDueOffersAsync(wave, reported?.Installed ?? wave.AtStart.Installed, provenance),
            _ => await DecideAsync(new EndWave(Id, wave.Index, await TallyWaveAsync(wave.Index), Schedule), provenance),
        };
        return outcome.Status == CommandStatus.Accepted;
    }

    /// <summary>A wave offered at once goes out now; a paced one only learns how many devices its slice holds.</summary>
    private async Task<CommandOutcome> BeginWaveAsync(int wave, Cause cause, Provenance provenance)
    {
        var plan = Current.Plan!;
        if (plan.Waves[wave].Pacing is null)
        {
            return await DecideAsync(new BeginWave(Id, wave, await OfferWaveAsync(wave, provenance), cause), provenance);
        }

        var (from, to) = (plan.ShareBefore(wave), plan.Waves[wave].Share);
        var slice = await AcrossShardsAsync(shard => shard.Count(Id, from, to), 0, (a, b) => a + b);
        return await DecideAsync(new BeginWave(Id, wave, WaveTally.Empty, cause, slice), provenance);
    }

    /// <summary>
    /// The offers a paced wave's pace has made due by now, to the next devices of its slice in cohort order; nothing
    /// when none is due yet.
    /// </summary>
    private async Task<CommandOutcome> SendDueOffersAsync(WaveRecord wave, int successes, Provenance provenance)
    {
        var plan = Current.Plan!;
        var step = WavePacer.Step(plan.Waves[wave.Index].Pacing!, wave.Pacing!, wave.Slice!.Value, successes, clock.Now);
        if (step.Due == 0)
        {
            return CommandOutcome.Unchanged(Version);
        }

        var before = plan.ShareBefore(wave.Index);
        var offer = new ReleaseOffer(Id, Current.Activation, wave.Index, wave.ShareAt(before, wave.Pacing!.Offered), wave.ShareAt(before, step.Next.Offered), provenance);
        var tally = await AcrossShardsAsync(shard => shard.Offer(offer), WaveTally.Empty, (a, b) => a.Plus(b));
        return await DecideAsync(new SendWaveOffers(Id, wave.Index, tally, step.Next, Schedule), provenance);
    }

    /// <summary>
    /// The reports of the running wave's slice as the ledger holds them now (whichever process stored them), weighed
    /// against its threshold: a wave halts between its steps, as its devices report, not only at its end. Null while
    /// no wave is running.
    /// </summary>
    private async Task<ReportedOutcomes?> CheckWaveReportsAsync()
    {
        if (Current is not { Phase: RolloutPhase.Running, Recall: null, Plan: { } plan, CurrentWave: { CompletedAt: null } wave })
        {
            return null;
        }

        var reported = await CountReportsAsync(plan, wave);
        await DecideAsync(new CheckWaveReports(Id, wave.Index, reported, Schedule), Provenance.NewCommand());
        return reported;
    }

    private async Task<ReportedOutcomes> CountReportsAsync(RolloutPlan plan, WaveRecord wave)
    {
        var reported = await index.ReportedAsync(Id, plan.ShareBefore(wave.Index), wave.Share, CancellationToken.None);
        _reported = (wave.Index, reported, Stopwatch.GetTimestamp());
        return reported;
    }

    private async Task DriveRecallAsync()
    {
        var recall = Current.Recall!;
        var order = new RecallOrder(Id, recall.RecallId, recall.IssuedBy, new Provenance(recall.RecallId, recall.RecallId), Current.OfferedShare, _recallIssuedAt);
        var tally = await AcrossShardsAsync(shard => shard.Withdraw(order), RecallTally.None, (a, b) => a.Plus(b));
        var exposed = Math.Max(_recallProgress?.Exposed ?? 0, tally.Withdrawn + tally.Pending);
        _recallProgress = new RecallProgress(exposed, tally.Withdrawn, tally.Pending);
        PostReading();
        if (tally.Pending == 0)
        {
            await DecideAsync(new CompleteRecall(Id, tally.Withdrawn, exposed - tally.Withdrawn, Cause.Policy("recall")), Provenance.NewCommand());
            await AfterChangeAsync();
        }
    }

    private Task<WaveTally> OfferWaveAsync(int wave, Provenance provenance)
    {
        var release = Current;
        var plan = release.Plan!;
        var offer = new ReleaseOffer(Id, release.Activation, wave, plan.ShareBefore(wave), plan.Waves[wave].Share, provenance);
        return AcrossShardsAsync(shard => shard.Offer(offer), WaveTally.Empty, (a, b) => a.Plus(b));
    }

    private Task<WaveTally> TallyWaveAsync(int wave)
    {
        var plan = Current.Plan!;
        var (from, to) = (plan.ShareBefore(wave), plan.Waves[wave].Share);
        return AcrossShardsAsync(shard => shard.Tally(Id, from, to), WaveTally.Empty, (a, b) => a.Plus(b));
    }

    private async Task<T> AcrossShardsAsync<T>(Func<IFleetShardGrain, Task<T>> call, T seed, Func<T, T, T> add)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, options.Value.Shards).Select(i => call(GrainFactory.GetGrain<IFleetShardGrain>(i))));
        return results.Aggregate(seed, add);
    }

    private Task<CommandOutcome> DecideAsync(ReleaseCommand command, Provenance provenance) =>
        _stream.RunAsync(() => DecideAndAppendAsync(() => ReleaseDecider.Decide(Current, command, clock.Now), provenance));

    /// <summary>Tells the line what its devices need to know, and keeps the step reminder in line with the state.</summary>
    private async Task AfterChangeAsync()
    {
        if (Current.IsPublished)
        {
            await GrainFactory.GetGrain<IReleaseLineGrain>(ProductLine.Of(Id)).Update(ReleaseSummary.Of(Current, _recallIssuedAt));
        }

        await ScheduleStepsAsync();
        PostReading();
    }

    private void PostReading()
    {
        if (Current.IsPublished)
        {
            var reported = _reported is { } last && last.Wave == Current.CurrentWave?.Index ? last.Outcomes : null;
            RolloutBoard.Post(ReleaseReading.Of(RuntimeIdentity, Current, _recallProgress, reported));
        }
    }

    private async Task ScheduleStepsAsync()
    {
        if (options.Value.AdvanceEvery is not { } every)
        {
            return;
        }

        var hasWork = Current.NextStepAt is not null || Current.Recall is { IsComplete: false };
        if (hasWork && _steps is null)
        {
            _steps = await this.GetReminder(StepsReminder) ?? await this.RegisterOrUpdateReminder(StepsReminder, every, every);
        }
        else if (!hasWork && _steps is not null)
        {
            try
            {
                await this.UnregisterReminder(_steps);
            }
            catch (ReminderException)
            {
                // Registered again since (another process's activation of this release): that row's own tick finds no
                // work and removes it.
            }

            _steps = null;
        }
    }

    /// <summary>
    /// The state, with its running wave's reports as counted since <paramref name="asked"/> (by this call's own step),
    /// else counted now: a document reads as the wave's devices have reported, even from an activation with no tick yet.
    /// </summary>
    private async Task<ReleaseSnapshot> SnapshotAsync(long asked)
    {
        var (release, version) = (Current, Version);
        ReportedOutcomes? reported = null;
        if (release is { Plan: { } plan, CurrentWave: { IsRunning: true } wave })
        {
            reported = _reported is { } last && last.Wave == wave.Index && last.CountedAt >= asked ? last.Outcomes : await CountReportsAsync(plan, wave);
        }

        return new(release, version, release.Recall is { IsComplete: false } ? _recallProgress : null, clock.Now, reported);
    }

    private Activity? StartActivity(string name, Provenance? provenance)
    {
        var activity = LedgerTelemetry.Source.StartActivity(name);
        activity?.SetTag("bsi.release", Id.ToString());
        activity?.SetTag("bsi.correlation_id", provenance?.CorrelationId);
        return activity;
    }

    protected override void Apply(ReleaseView state, object @event)
    {
        var e = (IReleaseEvent)@event;
        state.Current = (state.Current ?? Release.Unpublished(e.Release)).Apply(e);
    }
}
