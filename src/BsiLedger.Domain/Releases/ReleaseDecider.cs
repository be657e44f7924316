using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.Domain.Releases.Events;

namespace BsiLedger.Domain.Releases;

/// <summary>
/// Every release rule, as pure functions from (state, command, domain time) to events or a typed error.
/// Operator commands on a release in the wrong state are refused with the state named; the steps the
/// rollout takes by itself (waves, halts, recall completion) are no-ops when already taken, so re-driving
/// them after a timeout or a restart doubles nothing.
/// </summary>
public static class ReleaseDecider
{
    public static Decision<IReleaseEvent> Decide(Release state, ReleaseCommand command, DateTimeOffset now) =>
        command switch
        {
            PublishRelease c => Publish(state, c, now),
            _ when !state.IsPublished => Refuse(new ReleaseNotPublished(command.Release)),
            PlanRollout c => Plan(state, c, now),
            BeginWave c => BeginWave(state, c, now),
            EndWave c => EndWave(state, c, now),
            SendWaveOffers c => SendWaveOffers(state, c, now),
            CheckWaveReports c => CheckWaveReports(state, c, now),
            PauseRollout c => Pause(state, c, now),
            ResumeRollout c => Resume(state, c, now),
            IssueRecall c => Recall(state, c, now),
            CompleteRecall c => CompleteRecall(state, c, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not a release command"),
        };

    private static Decision<IReleaseEvent> Publish(Release state, PublishRelease c, DateTimeOffset now)
    {
        if (Publication.Problem(c.Release, c.Components, c.Cves, c.Supersedes) is { } problem)
        {
            return Refuse(new InvalidPublication(c.Release, problem));
        }

        // No CVE list at all is an empty one: a default array could be neither stored nor compared.
        var cves = c.Cves.IsDefault ? [] : c.Cves;
        if (!state.IsPublished)
        {
            return Decision<IReleaseEvent>.Accept(
                new ReleasePublished(c.Release, c.Components, cves, c.Activation, c.Supersedes, now, c.Cause));
        }

        var same = state.Components.SequenceEqual(c.Components) && state.Cves.SequenceEqual(cves)
            && state.Activation == c.Activation && state.Supersedes == c.Supersedes;
        return same ? Decision<IReleaseEvent>.Unchanged : Refuse(new ReleaseAlreadyPublished(c.Release));
    }

    private static Decision<IReleaseEvent> Plan(Release state, PlanRollout c, DateTimeOffset now)
    {
        if (state.Recall is { } recall)
        {
            return Refuse(new ReleaseAlreadyRecalled(c.Release, recall.RecallId));
        }

        if (state.Phase is not (RolloutPhase.NotPlanned or RolloutPhase.Planned))
        {
            return Refuse(new RolloutAlreadyStarted(c.Release, state.Phase));
        }

        if (c.Plan.Problem() is { } problem)
        {
            return Refuse(new InvalidRolloutPlan(c.Release, problem));
        }

        return state.Plan is { } current && current.SameAs(c.Plan)
            ? Decision<IReleaseEvent>.Unchanged
            : Decision<IReleaseEvent>.Accept(new RolloutPlanned(c.Release, c.Plan, now, c.Cause));
    }

    /// <summary>Wave 0 is the operator's start; a later wave begins once the one before it completed.</summary>
    private static Decision<IReleaseEvent> BeginWave(Release state, BeginWave c, DateTimeOffset now)
    {
        if (c.Wave == 0 && StartRefusal(state) is { } refusal)
        {
            return refusal;
        }

        var isNext = state.Plan is { } plan && c.Wave == state.Waves.Length && c.Wave < plan.Waves.Length
            && (c.Wave == 0 || (state.Phase == RolloutPhase.Running && state.Recall is null && state.CurrentWave!.CompletedAt is not null));
        if (!isNext)
        {
            return Decision<IReleaseEvent>.Unchanged;
        }

        var paced = state.Plan!.Waves[c.Wave].Pacing is not null;
        var started = new WaveStarted(c.Release, c.Wave, state.Plan.Waves[c.Wave].Share, c.Tally, now, c.Cause, paced ? c.Slice ?? 0 : null);
        return HaltFor(state.Plan, c.Release, c.Wave, c.Tally, now, paced ? (0, c.Slice ?? 0) : null) is { } halted
            ? Decision<IReleaseEvent>.Accept(started, halted)
            : Decision<IReleaseEvent>.Accept(started);
    }

    /// <summary>Why the operator's start is refused, or null when the rollout may start.</summary>
    public static Decision<IReleaseEvent>? StartRefusal(Release state) => state switch
    {
        { IsPublished: false } => Refuse(new ReleaseNotPublished(state.Id)),
        { Recall: { } recall } => Refuse(new ReleaseAlreadyRecalled(state.Id, recall.RecallId)),
        { Phase: RolloutPhase.NotPlanned } => Refuse(new RolloutNotPlanned(state.Id)),
        { Phase: not RolloutPhase.Planned } => Refuse(new RolloutAlreadyStarted(state.Id, state.Phase)),
        _ => null,
    };

    private static Decision<IReleaseEvent> EndWave(Release state, EndWave c, DateTimeOffset now)
    {
        var isCurrent = state.Phase == RolloutPhase.Running && state.Recall is null
            && state.CurrentWave is { CompletedAt: null } wave && wave.Index == c.Wave;
        if (!isCurrent)
        {
            return Decision<IReleaseEvent>.Unchanged;
        }

        // A wave an operator resumed after its halt is not halted again on the same slice; a paced wave ends only
        // once all of its slice was offered.
        if (state.CurrentWave!.NotOffered > 0)
        {
            return Decision<IReleaseEvent>.Unchanged;
        }

        if (!state.CurrentWave.Halted && HaltFor(state.Plan!, c.Release, c.Wave, c.Tally, now, Offered(state.CurrentWave)) is { } halted)
        {
            return Decision<IReleaseEvent>.Accept(halted);
        }

        return Decision<IReleaseEvent>.Accept(new WaveCompleted(c.Release, c.Wave, c.Tally, now, c.Cause));
    }

    /// <summary>
    /// A paced wave's next offers went out: recorded, and the failures among everything the wave has found so far
    /// checked against its threshold at once, so that a bad release halts with the rest of the slice never offered.
    /// </summary>
    private static Decision<IReleaseEvent> SendWaveOffers(Release state, SendWaveOffers c, DateTimeOffset now)
    {
        var isCurrent = state.Phase == RolloutPhase.Running && state.Recall is null
            && state.CurrentWave is { CompletedAt: null, Pacing: not null } wave && wave.Index == c.Wave && c.Progress.Offered > wave.Pacing.Offered;
        if (!isCurrent)
        {
            return Decision<IReleaseEvent>.Unchanged;
        }

        var current = state.CurrentWave!;
        var sent = new WaveOffersSent(c.Release, c.Wave, c.Tally, c.Progress, now, c.Cause);
        var after = current with { AtStart = current.AtStart.Plus(c.Tally), Pacing = c.Progress };
        return !current.Halted && HaltFor(state.Plan!, c.Release, c.Wave, after.AtStart, now, Offered(after)) is { } halted
            ? Decision<IReleaseEvent>.Accept(sent, halted)
            : Decision<IReleaseEvent>.Accept(sent);
    }

    /// <summary>
    /// A running wave halts the moment the reports of its slice cross its threshold over at least the minimum sample;
    /// otherwise nothing is recorded. A wave an operator resumed after its halt is not halted again on the same slice.
    /// </summary>
    private static Decision<IReleaseEvent> CheckWaveReports(Release state, CheckWaveReports c, DateTimeOffset now)
    {
        if (state is not { Phase: RolloutPhase.Running, Recall: null, CurrentWave: { CompletedAt: null, Halted: false } wave } || wave.Index != c.Wave)
        {
            return Decision<IReleaseEvent>.Unchanged;
        }

        return HaltFor(state.Plan!, c.Release, c.Wave, wave.AtStart.With(c.Reported), now, Offered(wave)) is { } halted
            ? Decision<IReleaseEvent>.Accept(halted)
            : Decision<IReleaseEvent>.Unchanged;
    }

    /// <summary>A paced wave's slice as offered and not yet; null for a wave offered all at once.</summary>
    private static (int Offered, int NotOffered)? Offered(WaveRecord wave) =>
        wave is { Slice: { } slice, Pacing: { } pacing } ? (pacing.Offered, Math.Max(0, slice - pacing.Offered)) : null;

    private static RolloutHalted? HaltFor(RolloutPlan plan, ReleaseId release, int wave, WaveTally tally, DateTimeOffset now, (int Offered, int NotOffered)? slice)
    {
        var threshold = plan.Waves[wave].FailureThreshold;
        var (offered, notOffered) = slice ?? (tally.Targeted, 0);
        return tally.Attempts >= plan.MinSample && tally.FailureRate > threshold
            ? new RolloutHalted(release, wave, tally.Attempts, tally.Failed, tally.FailureRate, threshold, now, Cause.Policy("failure-threshold"), tally, offered, notOffered)
            : null;
    }

    private static Decision<IReleaseEvent> Pause(Release state, PauseRollout c, DateTimeOffset now)
    {
        if (state.Recall is { } recall)
        {
            return Refuse(new ReleaseAlreadyRecalled(c.Release, recall.RecallId));
        }

        return state.Phase == RolloutPhase.Running
            ? Decision<IReleaseEvent>.Accept(new RolloutPaused(c.Release, now, c.Cause))
            : Refuse(new RolloutNotRunning(c.Release, state.Phase));
    }

    private static Decision<IReleaseEvent> Resume(Release state, ResumeRollout c, DateTimeOffset now)
    {
        if (state.Recall is { } recall)
        {
            return Refuse(new ReleaseAlreadyRecalled(c.Release, recall.RecallId));
        }

        return state.Phase is RolloutPhase.Paused or RolloutPhase.Halted
            ? Decision<IReleaseEvent>.Accept(new RolloutResumed(c.Release, now, c.Cause))
            : Refuse(new RolloutNotPaused(c.Release, state.Phase));
    }

    private static Decision<IReleaseEvent> Recall(Release state, IssueRecall c, DateTimeOffset now) =>
        state.Recall is { } recall
            ? Refuse(new ReleaseAlreadyRecalled(c.Release, recall.RecallId))
            : Decision<IReleaseEvent>.Accept(new RecallIssued(c.Release, c.RecallId, c.Reason, now, c.Cause));

    private static Decision<IReleaseEvent> CompleteRecall(Release state, CompleteRecall c, DateTimeOffset now) =>
        state.Recall is { IsComplete: false } recall
            ? Decision<IReleaseEvent>.Accept(new RecallCompleted(c.Release, recall.RecallId, c.Withdrawn, c.Settled, 0, now, c.Cause))
            : Decision<IReleaseEvent>.Unchanged;

    private static Decision<IReleaseEvent> Refuse(DomainError error) => Decision<IReleaseEvent>.Refuse(error);
}
