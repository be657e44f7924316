using System.Collections.Immutable;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Domain.Releases.Events;

namespace BsiLedger.Domain.Tests.Releases;

/// <summary>Given(history) / When(command) / Then(events or error) over <see cref="ReleaseDecider"/>.</summary>
public abstract class ReleaseSpec : DecisionSpec<Release, ReleaseCommand, IReleaseEvent>
{
    /// <summary>The release under test: a (b) letter, so that it has an earlier letter it may supersede.</summary>
    protected static readonly ReleaseId Id = ReleaseId.Parse("iOS 26.3.1 (b)");
    protected static readonly DateTimeOffset T0 = new(2026, 3, 17, 9, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset Now = T0.AddDays(10);
    protected static readonly Cause Ops = Cause.Operator("release-eng");
    protected static readonly Cause Scheduler = Cause.Policy("rollout");
    protected static readonly Cause Threshold = Cause.Policy("failure-threshold");

    protected static readonly TimeSpan Soak0 = TimeSpan.FromHours(24);
    protected static readonly TimeSpan Soak1 = TimeSpan.FromHours(48);

    /// <summary>1% soaking 24h halting above 5%, 10% soaking 48h above 2%, 100% at once above 2%; 100 attempts count.</summary>
    protected static RolloutPlan ThreeWaves() => new(
        [new WavePlan(0.01, Soak0, 0.05), new WavePlan(0.10, Soak1, 0.02), new WavePlan(1.0, TimeSpan.Zero, 0.02)],
        100);

    // When each wave of the usual history started and completed.
    protected static readonly DateTimeOffset Wave0Start = T0.AddHours(2);
    protected static readonly DateTimeOffset Wave0End = Wave0Start + Soak0;
    protected static readonly DateTimeOffset Wave1Start = Wave0End.AddMinutes(1);
    protected static readonly DateTimeOffset Wave1End = Wave1Start + Soak1;
    protected static readonly DateTimeOffset Wave2Start = Wave1End.AddMinutes(1);

    protected static ReleaseId R(string text) => ReleaseId.Parse(text);

    protected static ImmutableArray<string> List(params string[] items) => [.. items];

    /// <summary>A slice's tally with the given install results; everyone else of it still awaits.</summary>
    protected static WaveTally Tally(int installed = 0, int failed = 0, int applied = 0, int awaiting = 0, SkipCounts? skipped = null)
    {
        var skips = skipped ?? SkipCounts.None;
        var targeted = installed + failed + awaiting + skips.AutoInstallOff + skips.MdmForbids + skips.Ineligible + skips.Offline;
        return new WaveTally(targeted, installed, applied, failed, awaiting, skips);
    }

    protected static ReleasePublished Published(string? supersedes = "iOS 26.3.1 (a)") =>
        new(Id, List("Safari", "WebKit"), List("CVE-2026-20001"), Activation.Relaunch,
            supersedes is null ? null : R(supersedes), T0, Ops);

    protected static PublishRelease Publish(string? supersedes = "iOS 26.3.1 (a)") =>
        new(Id, List("Safari", "WebKit"), List("CVE-2026-20001"), Activation.Relaunch,
            supersedes is null ? null : R(supersedes), Ops);

    protected static RolloutPlanned Planned(RolloutPlan? plan = null) => new(Id, plan ?? ThreeWaves(), T0.AddHours(1), Ops);

    protected static WaveStarted Started(int wave, WaveTally? tally = null) =>
        new(Id, wave, ThreeWaves().Waves[wave].Share, tally ?? Tally(awaiting: 10), StartOf(wave), wave == 0 ? Ops : Scheduler);

    protected static WaveCompleted Completed(int wave, WaveTally? tally = null) =>
        new(Id, wave, tally ?? Tally(installed: 200), EndOf(wave), Scheduler);

    protected static RolloutHalted Halted(int wave, int attempts = 100, int failures = 30) =>
        new(Id, wave, attempts, failures, (double)failures / attempts, ThreeWaves().Waves[wave].FailureThreshold,
            StartOf(wave).AddHours(1), Threshold, Tally(installed: attempts - failures, failed: failures));

    protected static RolloutPaused Paused(DateTimeOffset at) => new(Id, at, Ops);

    protected static RolloutResumed Resumed(DateTimeOffset at) => new(Id, at, Ops);

    protected static RecallIssued Recalled(string recallId = "recall-7", DateTimeOffset? at = null) =>
        new(Id, recallId, "breaks sign-in pages", at ?? T0.AddDays(5), Ops);

    protected static DateTimeOffset StartOf(int wave) => wave switch
    {
        0 => Wave0Start,
        1 => Wave1Start,
        _ => Wave2Start,
    };

    protected static DateTimeOffset EndOf(int wave) => wave switch
    {
        0 => Wave0End,
        1 => Wave1End,
        _ => Wave2Start,
    };

    // Commands as the operator and the rollout scheduler send them.
    protected static BeginWave Begin(int wave, WaveTally? tally = null) =>
        new(Id, wave, tally ?? Tally(awaiting: 10), wave == 0 ? Ops : Scheduler);

    protected static EndWave End(int wave, WaveTally? tally = null) => new(Id, wave, tally ?? Tally(installed: 200), Scheduler);

    protected static Release Replay(IEnumerable<IReleaseEvent> history) =>
        history.Aggregate(Release.Unpublished(Id), (state, e) => state.Apply(e));

    protected override Release Initial => Release.Unpublished(Id);

    protected override Release Evolve(Release state, IReleaseEvent @event) => state.Apply(@event);

    protected override Decision<IReleaseEvent> Decide(Release state, ReleaseCommand command) => ReleaseDecider.Decide(state, command, Now);
}
