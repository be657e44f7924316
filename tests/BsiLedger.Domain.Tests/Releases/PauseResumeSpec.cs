using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.Domain.Releases.Events;

namespace BsiLedger.Domain.Tests.Releases;

public sealed class PauseResumeSpec : ReleaseSpec
{
    private static readonly PauseRollout Pause = new(Id, Ops);
    private static readonly ResumeRollout Resume = new(Id, Ops);

    /// <summary>Histories that leave the rollout in each phase, recall aside.</summary>
    private static IReleaseEvent[] HistoryIn(RolloutPhase phase) => phase switch
    {
        RolloutPhase.NotPlanned => [Published()],
        RolloutPhase.Planned => [Published(), Planned()],
        RolloutPhase.Running => [Published(), Planned(), Started(0)],
        RolloutPhase.Paused => [Published(), Planned(), Started(0), Paused(Wave0Start.AddHours(1))],
        RolloutPhase.Halted => [Published(), Planned(), Started(0), Halted(0)],
        RolloutPhase.Completed => [Published(), Planned(), Started(0), Completed(0), Started(1), Completed(1), Started(2), Completed(2)],
        _ => [],
    };

    [Fact]
    public void The_histories_used_here_leave_the_phases_they_are_named_for()
    {
        foreach (var phase in Enum.GetValues<RolloutPhase>())
        {
            Assert.Equal(phase, Replay(HistoryIn(phase)).Phase);
        }
    }

    [Fact]
    public void Pausing_a_running_rollout_records_the_pause()
    {
        Given(HistoryIn(RolloutPhase.Running));
        When(Pause);
        Then(new RolloutPaused(Id, Now, Ops));
    }

    [Fact]
    public void A_paused_rollout_offers_nothing_and_waits_for_the_operator()
    {
        Given(HistoryIn(RolloutPhase.Running));
        When(Pause);
        var after = StateAfter();
        Assert.Equal(RolloutPhase.Paused, after.Phase);
        Assert.Equal(0, after.OfferedShare);
        Assert.Null(after.NextStepAt);
    }

    [Fact]
    public void Pausing_between_two_waves_is_allowed()
    {
        Given(Published(), Planned(), Started(0), Completed(0));
        When(Pause);
        Then(new RolloutPaused(Id, Now, Ops));
    }

    [Theory]
    [InlineData(RolloutPhase.NotPlanned)]
    [InlineData(RolloutPhase.Planned)]
    [InlineData(RolloutPhase.Paused)]
    [InlineData(RolloutPhase.Halted)]
    [InlineData(RolloutPhase.Completed)]
    public void Pausing_a_rollout_that_is_not_running_is_refused_naming_its_phase(RolloutPhase phase)
    {
        Given(HistoryIn(phase));
        When(Pause);
        var error = ThenRefused<RolloutNotRunning>();
        Assert.Equal(phase, error.Phase);
        Assert.Contains(phase.ToString().ToLowerInvariant(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resuming_a_paused_rollout_records_the_resume_and_runs_again()
    {
        Given(HistoryIn(RolloutPhase.Paused));
        When(Resume);
        Then(new RolloutResumed(Id, Now, Ops));
        var after = StateAfter();
        Assert.Equal(RolloutPhase.Running, after.Phase);
        Assert.Equal(0.01, after.OfferedShare);
        Assert.Equal(Wave0Start + Soak0, after.NextStepAt);
    }

    [Fact]
    public void Resuming_a_halted_rollout_runs_it_again_and_keeps_the_halt_on_record()
    {
        Given(HistoryIn(RolloutPhase.Halted));
        When(Resume);
        Then(new RolloutResumed(Id, Now, Ops));
        var after = StateAfter();
        Assert.Equal(RolloutPhase.Running, after.Phase);
        Assert.Equal(Current.Halt, after.Halt);
        Assert.NotNull(after.Halt);
        Assert.True(after.CurrentWave!.Halted);
    }

    [Theory]
    [InlineData(RolloutPhase.NotPlanned)]
    [InlineData(RolloutPhase.Planned)]
    [InlineData(RolloutPhase.Running)]
    [InlineData(RolloutPhase.Completed)]
    public void Resuming_a_rollout_that_is_neither_paused_nor_halted_is_refused_naming_its_phase(RolloutPhase phase)
    {
        Given(HistoryIn(phase));
        When(Resume);
        var error = ThenRefused<RolloutNotPaused>();
        Assert.Equal(phase, error.Phase);
        Assert.Contains(phase.ToString().ToLowerInvariant(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_wave_of_a_paused_rollout_ends_after_the_resume()
    {
        Given([.. HistoryIn(RolloutPhase.Paused), Resumed(Wave0Start.AddHours(2))]);
        When(End(0));
        Then(new WaveCompleted(Id, 0, Tally(installed: 200), Now, Scheduler));
    }

    [Fact]
    public void The_next_wave_begins_after_a_pause_between_waves_is_resumed()
    {
        Given(Published(), Planned(), Started(0), Completed(0), Paused(Wave0End.AddMinutes(1)), Resumed(Wave0End.AddHours(5)));
        Assert.Equal(Wave0End, Current.NextStepAt);
        When(Begin(1));
        Then(new WaveStarted(Id, 1, 0.10, Tally(awaiting: 10), Now, Scheduler));
    }

    [Fact]
    public void A_pause_after_a_resume_is_allowed_again()
    {
        Given([.. HistoryIn(RolloutPhase.Paused), Resumed(Wave0Start.AddHours(2))]);
        When(Pause);
        Then(new RolloutPaused(Id, Now, Ops));
    }
}
