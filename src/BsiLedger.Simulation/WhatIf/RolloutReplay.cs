using BsiLedger.Domain;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.Domain.Releases.Pacing;

namespace BsiLedger.Simulation.WhatIf;

/// <summary>
/// One release's rollout played again in memory under a plan, no grains and nothing stored: the release's own rules
/// (<see cref="ReleaseDecider"/>, <see cref="WavePacer"/>) decide every wave, offer and halt, and the devices answer as
/// their <see cref="DeviceFate"/> says, on the steps of a <see cref="ReplayClock"/>. It does what the release grain,
/// the fleet shards, the device grains and the simulation's step loop do, in their order, so that the actual plan
/// played again gives the actual rollout.
/// </summary>
public sealed class RolloutReplay
{
    private static readonly Cause Schedule = Cause.Policy("rollout-schedule");

    private readonly ReplayClock _clock;
    private readonly DeviceCourse[] _courses;
    private readonly ReplayReports _reports = new();
    private readonly PriorityQueue<DeviceCourse, long> _checkIns = new();
    private readonly ReportedCounts _reported;
    private Release _release;
    private DateTimeOffset _now;
    private long _checkedInUntil = long.MinValue;

    private RolloutReplay(Release published, RolloutPlan plan, IReadOnlyList<ReplayDevice> line, ReplayClock clock)
    {
        _clock = clock;
        _now = clock.Start;
        _release = published.Apply(new RolloutPlanned(published.Id, plan, clock.Start, Schedule));
        _courses = [.. line.Select(d => new DeviceCourse(d, WaveOf(plan, d.Position)))];
        _reported = new ReportedCounts(plan.Waves.Length);
    }

    /// <param name="published">The release as published, before any plan.</param>
    /// <param name="line">Every device of the release's line, in cohort order.</param>
    public static ReplayResult Run(Release published, RolloutPlan plan, IReadOnlyList<ReplayDevice> line, ReplayClock clock)
    {
        var replay = new RolloutReplay(published, plan, line, clock);
        replay.Play();
        return new ReplayResult(replay._release, replay._courses);
    }

    private void Play()
    {
        Decide(BeginWaveCommand(0));
        var recalled = _clock.RecallAt is null;
        var settled = false;
        for (var now = _clock.Start + _clock.Step; now <= _clock.Horizon; now += _clock.Step)
        {
            if (_clock.RecallAt is { } due && !recalled && due <= now)
            {
                _now = due;
                Recall();
                recalled = true;
            }

            _now = now;
            if (!settled)
            {
                CheckIns();
            }

            DeliverReports();
            TakeDueSteps();
            settled = recalled && IsSettled() && (_clock.OthersSettledAt is not { } others || others <= now);
            if (settled && _reports.Count == 0)
            {
                return;
            }
        }
    }

    private bool IsSettled() => _release switch
    {
        { Recall: { } recall } => recall.IsComplete,
        { Phase: RolloutPhase.Completed or RolloutPhase.Halted } => true,
        _ => false,
    };

    private void TakeDueSteps()
    {
        while (TakeNextStep())
        {
        }
    }

    private bool TakeNextStep()
    {
        if (_release.Recall is { IsComplete: false })
        {
            DriveRecall();
            return false;
        }

        var reported = CheckWaveReports();
        if (_release.NextStepAt is not { } due || due > _now)
        {
            return false;
        }

        var wave = _release.CurrentWave!;
        ReleaseCommand? command = wave switch
        {
            { CompletedAt: not null } => BeginWaveCommand(wave.Index + 1),
            { NotOffered: > 0 } => DueOffers(wave, reported?.Installed ?? wave.AtStart.Installed),
            _ => new EndWave(_release.Id, wave.Index, Tally(wave.Index), Schedule),
        };
        return command is not null && Decide(command);
    }

    private BeginWave BeginWaveCommand(int wave)
    {
        var plan = _release.Plan!;
        var (from, to) = (plan.ShareBefore(wave), plan.Waves[wave].Share);
        return plan.Waves[wave].Pacing is null
            ? new BeginWave(_release.Id, wave, Offer(from, to), Schedule)
            : new BeginWave(_release.Id, wave, WaveTally.Empty, Schedule, Between(from, to).Count());
    }

    private SendWaveOffers? DueOffers(WaveRecord wave, int successes)
    {
        var plan = _release.Plan!;
        var step = WavePacer.Step(plan.Waves[wave.Index].Pacing!, wave.Pacing!, wave.Slice!.Value, successes, _now);
        if (step.Due == 0)
        {
            return null;
        }

        var before = plan.ShareBefore(wave.Index);
        var tally = Offer(wave.ShareAt(before, wave.Pacing!.Offered), wave.ShareAt(before, step.Next.Offered));
        return new SendWaveOffers(_release.Id, wave.Index, tally, step.Next, Schedule);
    }

    private ReportedOutcomes? CheckWaveReports()
    {
        if (_release is not { Phase: RolloutPhase.Running, Recall: null, CurrentWave: { CompletedAt: null } wave })
        {
            return null;
        }

        var reported = _reported.Of(wave.Index);
        Decide(new CheckWaveReports(_release.Id, wave.Index, reported, Schedule));
        return reported;
    }

    /// <summary>True when the command changed the release.</summary>
    private bool Decide(ReleaseCommand command)
    {
        var decision = ReleaseDecider.Decide(_release, command, _now);
        _release = decision.Events.Aggregate(_release, (release, e) => release.Apply(e));
        return decision.Events.Count > 0;
    }

    private WaveTally Offer(double from, double to) =>
        WaveTally.Of(Between(from, to).Select(course => Offer(course, checkingIn: false)));

    private OfferOutcome Offer(DeviceCourse course, bool checkingIn)
    {
        var first = !course.Offered;
        course.OfferedAt ??= _now;
        if (Standing(course) is { } standing)
        {
            return standing;
        }

        var behaviour = course.Device.Behaviour;
        if (!checkingIn && behaviour.CheckInPhase is { } phase)
        {
            if (first)
            {
                _checkIns.Enqueue(course, NextCheckIn(phase));
            }

            return OfferOutcome.Offline;
        }

        var fate = behaviour.Fate;
        if (fate.AtOnce)
        {
            switch (fate.Outcome)
            {
                case InstallFate.Installs when fate.ApplyDelay == TimeSpan.Zero:
                    Install(course);
                    Apply(course);
                    return OfferOutcome.Applied;
                case InstallFate.Installs:
                    Install(course);
                    if (fate.ApplyDelay is { } delay)
                    {
                        _reports.Add(course, _now + delay, ReportKind.Applied);
                    }

                    return OfferOutcome.Installed;
                case InstallFate.Fails:
                    Fail(course);
                    return OfferOutcome.Failed;
            }
        }
        else if (fate.Outcome is InstallFate.Installs or InstallFate.Fails)
        {
            _reports.Add(course, _now + fate.InstallDelay, fate.Outcome == InstallFate.Installs ? ReportKind.Installed : ReportKind.Failed);
        }

        return OfferOutcome.Awaiting;
    }

    /// <summary>Where the device stands with the release before anything is offered (<c>RolloutStanding</c>); null when an offer goes out.</summary>
    private static OfferOutcome? Standing(DeviceCourse course) => course switch
    {
        { Device.Skip: OfferOutcome.Ineligible } => OfferOutcome.Ineligible,
        { WithdrawnAt: not null } => OfferOutcome.Withdrawn,
        { AppliedAt: not null } => OfferOutcome.Applied,
        { InstalledAt: not null } => OfferOutcome.Installed,
        { FailedAt: not null } => OfferOutcome.Failed,
        _ => course.Device.Skip,
    };

    private WaveTally Tally(int wave)
    {
        var plan = _release.Plan!;
        return WaveTally.Of(Between(plan.ShareBefore(wave), plan.Waves[wave].Share).Select(course =>
            Standing(course) ?? (course.Device.Behaviour.Offline ? OfferOutcome.Offline : OfferOutcome.Awaiting)));
    }

    /// <summary>
    /// An offline device's first check-in the replay has not yet taken, in ticks. Only offered devices check in: the
    /// rest of the line has nothing to take at a check-in, and a million-device run would spend its time on them.
    /// </summary>
    private long NextCheckIn(TimeSpan phase)
    {
        var (first, every) = ((_clock.Start + phase).UtcTicks, _clock.CheckInEvery.Ticks);
        return first > _checkedInUntil ? first : first + ((_checkedInUntil - first) / every + 1) * every;
    }

    private void CheckIns()
    {
        // Ticks, not DateTimeOffset: a million-device run takes millions of check-ins off this queue.
        var (now, every) = (_now.UtcTicks, _clock.CheckInEvery.Ticks);
        _checkedInUntil = now;
        // Nothing is offered at a check-in once the rollout halted or its release was recalled.
        var offered = _release.OfferedShare;
        while (_checkIns.TryPeek(out var course, out var at) && at <= now)
        {
            if (_release.Recall is not null && course.Holds)
            {
                course.WithdrawnAt = _now;
            }

            if (course.Device.Position < offered)
            {
                Offer(course, checkingIn: true);
            }

            if (ChecksInAgain(course))
            {
                _checkIns.DequeueEnqueue(course, at + every);
            }
            else
            {
                _checkIns.Dequeue();
            }
        }
    }

    /// <summary>
    /// Whether a later check-in can still change anything for the device: it has yet to answer the offer, or holds the
    /// release when a recall is to come. A device that failed, or holds a release never recalled, has nothing left to take.
    /// </summary>
    private bool ChecksInAgain(DeviceCourse course) =>
        course is { WithdrawnAt: null, FailedAt: null } && (course.InstalledAt is null || _clock.RecallAt is not null);

    private void DeliverReports()
    {
        while (_reports.TakeDue(_now) is { Count: > 0 } due)
        {
            foreach (var (course, kind) in due)
            {
                // The ledger refuses every report on a recalled release.
                if (_release.Recall is not null)
                {
                    continue;
                }

                switch (kind)
                {
                    case ReportKind.Installed:
                        Install(course);
                        if (course.Device.Behaviour.Fate.ApplyDelay is { } delay)
                        {
                            _reports.Add(course, _now + delay, ReportKind.Applied);
                        }

                        break;
                    case ReportKind.Applied:
                        Apply(course);
                        break;
                    default:
                        Fail(course);
                        break;
                }
            }
        }
    }

    private void Install(DeviceCourse course)
    {
        course.InstalledAt = _now;
        _reported.Installed(course.Wave);
    }

    private void Apply(DeviceCourse course)
    {
        course.AppliedAt = _now;
        _reported.Applied(course.Wave);
    }

    private void Fail(DeviceCourse course)
    {
        course.FailedAt = _now;
        _reported.Failed(course.Wave);
    }

    /// <summary>The recall as the release grain issues it: recorded, then driven at once.</summary>
    private void Recall()
    {
        if (Decide(new IssueRecall(_release.Id, "what-if", "replayed recall", Cause.Operator("what-if"))))
        {
            DriveRecall();
        }
    }

    /// <summary>Withdraws the release from every reachable device holding it; the rest wait for their check-in.</summary>
    private void DriveRecall()
    {
        var pending = 0;
        foreach (var course in _courses.Where(c => c.Holds))
        {
            if (course.Device.Behaviour.Offline)
            {
                pending++;
            }
            else
            {
                course.WithdrawnAt = _now;
            }
        }

        if (pending == 0)
        {
            Decide(new CompleteRecall(_release.Id, 0, 0, Cause.Policy("recall")));
        }
    }

    /// <summary>The devices whose cohort position falls in [from, to), in cohort order.</summary>
    private IEnumerable<DeviceCourse> Between(double from, double to)
    {
        var start = Start(from);
        for (var i = start; i < _courses.Length && _courses[i].Device.Position < to; i++)
        {
            yield return _courses[i];
        }
    }

    private int Start(double position) => Cohort.FirstAtOrPast(_courses, static c => c.Device.Position, position);

    /// <summary>The wave of <paramref name="plan"/> whose slice holds a device at <paramref name="position"/>.</summary>
    public static int WaveOf(RolloutPlan plan, double position)
    {
        for (var wave = 0; wave < plan.Waves.Length; wave++)
        {
            if (position < plan.Waves[wave].Share)
            {
                return wave;
            }
        }

        return plan.Waves.Length - 1;
    }
}
