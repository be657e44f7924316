using System.Collections.Immutable;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.Domain.Releases.Pacing;

namespace BsiLedger.Domain.Releases;

/// <summary>
/// A release and its rollout as its history leaves them. Changed only by <see cref="Apply(IReleaseEvent)"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.release")]
public sealed record Release(
    [property: Id(0)] ReleaseId Id,
    [property: Id(1)] ImmutableArray<string> Components,
    [property: Id(2)] ImmutableArray<string> Cves,
    [property: Id(3)] Activation Activation,
    [property: Id(4)] ReleaseId? Supersedes,
    [property: Id(5)] RolloutPlan? Plan,
    [property: Id(6)] RolloutPhase Phase,
    [property: Id(7)] ImmutableArray<WaveRecord> Waves,
    [property: Id(8)] HaltRecord? Halt,
    [property: Id(9)] RecallRecord? Recall)
{
    public static Release Unpublished(ReleaseId id) =>
        new(id, [], [], Activation.Restart, null, null, RolloutPhase.Unpublished, [], null, null);

    public bool IsPublished => Phase != RolloutPhase.Unpublished;

    public WaveRecord? CurrentWave => Waves.IsEmpty ? null : Waves[^1];

    /// <summary>
    /// The share of the eligible fleet offered the release now: what a device checking in may take (of a paced wave,
    /// only as far as its offers have gone).
    /// </summary>
    public double OfferedShare =>
        Recall is null && Phase is RolloutPhase.Running or RolloutPhase.Completed && CurrentWave is { } wave
            ? wave.ShareAt(Plan!.ShareBefore(wave.Index), wave.Pacing?.Offered ?? 0)
            : 0;

    /// <summary>The offers per hour of domain time the current wave's pace sends now; null while no paced offers are going out.</summary>
    public double? OfferRate =>
        this is { Phase: RolloutPhase.Running, Recall: null, Plan: { } plan, CurrentWave: { CompletedAt: null, Halted: false, NotOffered: > 0, Slice: { } slice, Pacing: { } progress } wave }
        && plan.Waves[wave.Index].Pacing is { } pacing
            ? pacing.PerHour(progress.Offered, progress.Successes, slice)
            : null;

    /// <summary>
    /// When the rollout next has something to do by itself: the current wave's soak end, or now when a wave
    /// completed and the next has not begun. Null when it waits for nobody but an operator, or is done.
    /// </summary>
    public DateTimeOffset? NextStepAt
    {
        get
        {
            if (Phase != RolloutPhase.Running || Recall is not null || Plan is null || CurrentWave is not { } wave)
            {
                return null;
            }

            if (wave.CompletedAt is { } completed)
            {
                return completed;
            }

            // A paced wave ends once its soak is over and its whole slice has been offered.
            return wave.NotOffered > 0 ? NextOfferAt(Plan.Waves[wave.Index].Pacing!, wave) : wave.StartedAt + Plan.Waves[wave.Index].Soak;
        }
    }

    /// <summary>
    /// When a paced wave's next offer falls due at the rate it has now (to the next whole second, so that the step
    /// taken then finds it due).
    /// </summary>
    private static DateTimeOffset NextOfferAt(WavePacing pacing, WaveRecord wave)
    {
        var progress = wave.Pacing!;
        var rate = pacing.PerHour(progress.Offered, progress.Successes, wave.Slice!.Value);
        var hours = Math.Max(0, (progress.Offered + 1 - progress.Allowance) / rate);
        var at = progress.CountedTo + TimeSpan.FromHours(hours);
        var second = TimeSpan.TicksPerSecond;
        return new DateTimeOffset((at.UtcTicks + second - 1) / second * second, TimeSpan.Zero);
    }

    public Release Apply(IReleaseEvent @event) => @event switch
    {
        ReleasePublished e => this with
        {
            Components = e.Components,
            Cves = e.Cves,
            Activation = e.Activation,
            Supersedes = e.Supersedes,
            Phase = RolloutPhase.NotPlanned,
        },
        RolloutPlanned e => this with { Plan = e.Plan, Phase = RolloutPhase.Planned },
        WaveStarted e => this with
        {
            Phase = RolloutPhase.Running,
            Waves = Waves.Add(new WaveRecord(e.Wave, e.Share, e.At, e.Tally, null, null, false, e.Slice, e.Slice is null ? null : PacingProgress.StartedAt(e.At))),
        },
        WaveOffersSent e => this with
        {
            Waves = Waves.SetItem(e.Wave, Waves[e.Wave] with { AtStart = Waves[e.Wave].AtStart.Plus(e.Tally), Pacing = e.Progress }),
        },
        WaveCompleted e => this with
        {
            Waves = Waves.SetItem(e.Wave, Waves[e.Wave] with { CompletedAt = e.At, LastTally = e.Tally }),
            Phase = e.Wave == Plan!.Waves.Length - 1 ? RolloutPhase.Completed : Phase,
        },
        RolloutPaused => this with { Phase = RolloutPhase.Paused },
        // Time spent paused or halted brings a paced wave no offers.
        RolloutResumed e => this with
        {
            Phase = RolloutPhase.Running,
            Waves = CurrentWave is { Pacing: { } pacing } wave ? Waves.SetItem(wave.Index, wave with { Pacing = pacing.ResumedAt(e.At) }) : Waves,
        },
        RolloutHalted e => this with
        {
            Phase = RolloutPhase.Halted,
            Halt = new HaltRecord(e.Wave, e.Attempts, e.Failures, e.FailureRate, e.Threshold, e.At, e.Offered, e.NotOffered),
            Waves = Waves.SetItem(e.Wave, Waves[e.Wave] with { Halted = true, LastTally = e.Tally }),
        },
        RecallIssued e => this with { Recall = new RecallRecord(e.RecallId, e.Reason, e.At, null, 0, 0, e.Cause) },
        RecallCompleted e => this with { Recall = Recall! with { CompletedAt = e.At, Withdrawn = e.Withdrawn, Settled = e.Settled } },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "not a release event"),
    };
}
