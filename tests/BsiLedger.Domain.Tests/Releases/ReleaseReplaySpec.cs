using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;

namespace BsiLedger.Domain.Tests.Releases;

/// <summary>Replaying a release's history (Apply) gives its state, its offered share and its next step at every version.</summary>
public sealed class ReleaseReplaySpec : ReleaseSpec
{
    private static readonly DateTimeOffset PausedAt = Wave1Start.AddHours(3);
    private static readonly DateTimeOffset ResumedAt = Wave1Start.AddHours(5);
    private static readonly DateTimeOffset RecalledAt = Wave2Start.AddHours(2);
    private static readonly DateTimeOffset RecallDoneAt = Wave2Start.AddHours(30);

    private static readonly IReleaseEvent[] History =
    [
        Published(),                                                   // 1
        Planned(),                                                     // 2
        Started(0, Tally(awaiting: 10)),                               // 3
        Completed(0, Tally(installed: 150, failed: 1, applied: 100)),  // 4
        Started(1, Tally(installed: 150, awaiting: 1000)),             // 5
        Halted(1, 200, 10),                                            // 6
        Resumed(Wave1Start.AddHours(2)),                               // 7
        Paused(PausedAt),                                              // 8
        Resumed(ResumedAt),                                            // 9
        Completed(1, Tally(installed: 1500, failed: 30)),              // 10
        Started(2, Tally(awaiting: 9000)),                             // 11
        Recalled("recall-7", RecalledAt),                              // 12
        new RecallCompleted(Id, "recall-7", 800, 12, 0, RecallDoneAt, Scheduler), // 13
    ];

    private static Release At(int version) => Replay(History.Take(version));

    [Fact]
    public void Each_version_of_the_history_has_its_phase()
    {
        RolloutPhase[] expected =
        [
            RolloutPhase.Unpublished, RolloutPhase.NotPlanned, RolloutPhase.Planned, RolloutPhase.Running,
            RolloutPhase.Running, RolloutPhase.Running, RolloutPhase.Halted, RolloutPhase.Running, RolloutPhase.Paused,
            RolloutPhase.Running, RolloutPhase.Running, RolloutPhase.Running, RolloutPhase.Running, RolloutPhase.Running,
        ];
        Assert.Equal(expected, Enumerable.Range(0, History.Length + 1).Select(v => At(v).Phase));
    }

    [Fact]
    public void Each_version_of_the_history_offers_its_share()
    {
        double[] expected = [0, 0, 0, 0.01, 0.01, 0.10, 0, 0.10, 0, 0.10, 0.10, 1.0, 0, 0];
        Assert.Equal(expected, Enumerable.Range(0, History.Length + 1).Select(v => At(v).OfferedShare));
    }

    [Fact]
    public void Each_version_of_the_history_has_its_next_step()
    {
        DateTimeOffset?[] expected =
        [
            null, null, null,
            Wave0Start + Soak0,   // wave 0 soaks
            Wave0End,             // wave 0 completed: wave 1 is due
            Wave1Start + Soak1,   // wave 1 soaks
            null,                 // halted: only an operator
            Wave1Start + Soak1,   // resumed: the soak end, already past, ends the wave
            null,                 // paused
            Wave1Start + Soak1,
            Wave1End,             // wave 1 completed
            Wave2Start,           // wave 2 soaks for no time
            null, null,           // recalled
        ];
        Assert.Equal(expected, Enumerable.Range(0, History.Length + 1).Select(v => At(v).NextStepAt));
    }

    [Fact]
    public void The_published_fields_come_from_the_publication()
    {
        var release = At(1);
        Assert.Equal(Id, release.Id);
        Assert.Equal(["Safari", "WebKit"], release.Components);
        Assert.Equal(["CVE-2026-20001"], release.Cves);
        Assert.Equal(Activation.Relaunch, release.Activation);
        Assert.Equal(R("iOS 26.3.1 (a)"), release.Supersedes);
    }

    [Fact]
    public void The_waves_record_when_they_started_and_completed_with_their_counts()
    {
        var release = At(11);
        Assert.Equal(3, release.Waves.Length);
        Assert.Equal(
            new WaveRecord(0, 0.01, Wave0Start, Tally(awaiting: 10), Wave0End, Tally(installed: 150, failed: 1, applied: 100), false),
            release.Waves[0]);
        Assert.Equal(
            new WaveRecord(1, 0.10, Wave1Start, Tally(installed: 150, awaiting: 1000), Wave1End, Tally(installed: 1500, failed: 30), true),
            release.Waves[1]);
        Assert.Equal(new WaveRecord(2, 1.0, Wave2Start, Tally(awaiting: 9000), null, null, false), release.Waves[2]);
        Assert.Equal(Tally(awaiting: 9000), release.Waves[2].Latest);
        Assert.Equal(release.Waves[2], release.CurrentWave);
    }

    [Fact]
    public void The_halt_keeps_its_figures_after_the_resume()
    {
        var halt = new HaltRecord(1, 200, 10, 0.05, 0.02, Wave1Start.AddHours(1));
        Assert.Equal(halt, At(6).Halt);
        Assert.Equal(halt, At(13).Halt);
        Assert.Null(At(5).Halt);
    }

    [Fact]
    public void The_recall_is_open_until_it_completes()
    {
        Assert.Null(At(11).Recall);
        Assert.Equal(new RecallRecord("recall-7", "breaks sign-in pages", RecalledAt, null, 0, 0, Ops), At(12).Recall);
        Assert.Equal(new RecallRecord("recall-7", "breaks sign-in pages", RecalledAt, RecallDoneAt, 800, 12, Ops), At(13).Recall);
    }

    [Fact]
    public void The_plan_is_the_last_one_recorded()
    {
        var replanned = new RolloutPlan([new WavePlan(0.5, TimeSpan.FromHours(1), 0.1), new WavePlan(1.0, TimeSpan.Zero, 0.1)], 20);
        var release = Replay([Published(), Planned(), Planned(replanned)]);
        Assert.True(release.Plan!.SameAs(replanned));
        Assert.Equal(RolloutPhase.Planned, release.Phase);
    }

    [Fact]
    public void Replaying_the_same_history_twice_gives_equal_states()
    {
        var once = Replay(History);
        var twice = Replay(History);
        Assert.Equal(Describe(once), Describe(twice));
    }

    [Fact]
    public void An_event_the_release_does_not_know_is_refused_by_apply()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Release.Unpublished(Id).Apply(new Stranger(Id, T0, Ops)));
    }

    private static string Describe(Release release) => System.Text.Json.JsonSerializer.Serialize(release);

    private sealed record Stranger(ReleaseId Release, DateTimeOffset At, Cause Cause) : IReleaseEvent;
}
