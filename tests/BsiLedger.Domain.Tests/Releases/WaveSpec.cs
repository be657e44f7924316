using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.Domain.Releases.Events;

namespace BsiLedger.Domain.Tests.Releases;

/// <summary>Starting, beginning and ending waves, and the automatic halt.</summary>
public sealed class WaveSpec : ReleaseSpec
{
    // ---- the operator's start: wave 0 ----

    [Fact]
    public void Starting_before_a_plan_is_refused()
    {
        Given(Published());
        When(Begin(0));
        Assert.Equal(Id, ThenRefused<RolloutNotPlanned>().Release);
    }

    [Fact]
    public void The_start_refusal_before_a_plan_says_the_rollout_is_not_planned()
    {
        var refusal = ReleaseDecider.StartRefusal(Replay([Published()]));
        Assert.NotNull(refusal);
        Assert.Empty(refusal.Events);
        Assert.IsType<RolloutNotPlanned>(refusal.Error);
    }

    [Fact]
    public void A_planned_rollout_may_start()
    {
        Assert.Null(ReleaseDecider.StartRefusal(Replay([Published(), Planned()])));
    }

    [Fact]
    public void Starting_a_planned_rollout_starts_its_first_wave_with_the_first_share()
    {
        Given(Published(), Planned());
        When(Begin(0, Tally(awaiting: 12)));
        Then(new WaveStarted(Id, 0, 0.01, Tally(awaiting: 12), Now, Ops));
    }

    [Fact]
    public void A_started_rollout_runs_its_first_wave()
    {
        Given(Published(), Planned());
        When(Begin(0, Tally(awaiting: 12)));
        var after = StateAfter();
        Assert.Equal(RolloutPhase.Running, after.Phase);
        Assert.Equal(new WaveRecord(0, 0.01, Now, Tally(awaiting: 12), null, null, false), after.CurrentWave);
        Assert.Equal(0.01, after.OfferedShare);
        Assert.Equal(Now + Soak0, after.NextStepAt);
    }

    [Fact]
    public void Starting_twice_is_refused()
    {
        Given(Published(), Planned(), Started(0));
        When(Begin(0));
        Assert.Equal(RolloutPhase.Running, ThenRefused<RolloutAlreadyStarted>().Phase);
    }

    [Fact]
    public void The_start_refusal_of_a_running_rollout_says_it_already_started()
    {
        var refusal = ReleaseDecider.StartRefusal(Replay([Published(), Planned(), Started(0)]));
        Assert.IsType<RolloutAlreadyStarted>(refusal?.Error);
    }

    [Fact]
    public void Starting_a_paused_rollout_is_refused_as_already_started()
    {
        Given(Published(), Planned(), Started(0), Paused(Wave0Start.AddHours(1)));
        When(Begin(0));
        Assert.Equal(RolloutPhase.Paused, ThenRefused<RolloutAlreadyStarted>().Phase);
    }

    [Fact]
    public void Starting_a_completed_rollout_is_refused_as_already_started()
    {
        Given(Published(), Planned(), Started(0), Completed(0), Started(1), Completed(1), Started(2), Completed(2));
        When(Begin(0));
        Assert.Equal(RolloutPhase.Completed, ThenRefused<RolloutAlreadyStarted>().Phase);
    }

    // ---- the next wave ----

    [Fact]
    public void The_next_wave_begins_once_the_previous_one_completed()
    {
        Given(Published(), Planned(), Started(0), Completed(0));
        When(Begin(1, Tally(awaiting: 90)));
        Then(new WaveStarted(Id, 1, 0.10, Tally(awaiting: 90), Now, Scheduler));
        Assert.Equal(0.10, StateAfter().OfferedShare);
        Assert.Equal(Now + Soak1, StateAfter().NextStepAt);
    }

    [Fact]
    public void The_next_wave_does_not_begin_while_the_previous_one_still_soaks()
    {
        Given(Published(), Planned(), Started(0));
        When(Begin(1));
        ThenNothingHappens();
    }

    [Fact]
    public void Beginning_a_wave_that_already_began_changes_nothing()
    {
        Given(Published(), Planned(), Started(0), Completed(0), Started(1));
        When(Begin(1));
        ThenNothingHappens();
    }

    [Fact]
    public void A_wave_cannot_be_skipped()
    {
        Given(Published(), Planned(), Started(0), Completed(0));
        When(Begin(2));
        ThenNothingHappens();
    }

    [Fact]
    public void An_earlier_wave_does_not_begin_again()
    {
        Given(Published(), Planned(), Started(0), Completed(0), Started(1), Completed(1));
        When(Begin(1));
        ThenNothingHappens();
    }

    [Fact]
    public void There_is_no_wave_after_the_last()
    {
        Given(Published(), Planned(), Started(0), Completed(0), Started(1), Completed(1), Started(2), Completed(2));
        When(Begin(3));
        ThenNothingHappens();
    }

    [Fact]
    public void A_later_wave_does_not_begin_before_the_start()
    {
        Given(Published(), Planned());
        When(Begin(1));
        ThenNothingHappens();
    }

    [Fact]
    public void A_later_wave_does_not_begin_without_a_plan()
    {
        Given(Published());
        When(Begin(1));
        ThenNothingHappens();
    }

    [Fact]
    public void The_next_wave_does_not_begin_while_the_rollout_is_paused()
    {
        Given(Published(), Planned(), Started(0), Completed(0), Paused(Wave0End.AddMinutes(1)));
        When(Begin(1));
        ThenNothingHappens();
    }

    [Fact]
    public void The_next_wave_does_not_begin_while_the_rollout_is_halted()
    {
        Given(Published(), Planned(), Started(0), Halted(0));
        When(Begin(1));
        ThenNothingHappens();
    }

    // ---- the halt when a wave begins ----

    [Fact]
    public void A_wave_that_begins_above_its_threshold_over_the_min_sample_starts_and_halts_with_the_figures()
    {
        Given(Published(), Planned());
        var tally = Tally(installed: 94, failed: 6);
        When(Begin(0, tally));
        Then(
            new WaveStarted(Id, 0, 0.01, tally, Now, Ops),
            new RolloutHalted(Id, 0, 100, 6, 6.0 / 100, 0.05, Now, Threshold, tally, Offered: tally.Targeted, NotOffered: 0));
    }

    [Fact]
    public void A_rollout_halted_as_its_wave_began_is_halted_and_offers_nothing()
    {
        Given(Published(), Planned());
        When(Begin(0, Tally(installed: 94, failed: 6)));
        var after = StateAfter();
        Assert.Equal(RolloutPhase.Halted, after.Phase);
        Assert.Equal(new HaltRecord(0, 100, 6, 0.06, 0.05, Now, Offered: 100, NotOffered: 0), after.Halt);
        Assert.True(after.CurrentWave!.Halted);
        Assert.Equal(0, after.OfferedShare);
        Assert.Null(after.NextStepAt);
    }

    [Fact]
    public void A_later_wave_that_begins_above_its_own_threshold_halts()
    {
        Given(Published(), Planned(), Started(0), Completed(0));
        var tally = Tally(installed: 97, failed: 3, awaiting: 400);
        When(Begin(1, tally));
        Then(
            new WaveStarted(Id, 1, 0.10, tally, Now, Scheduler),
            new RolloutHalted(Id, 1, 100, 3, 0.03, 0.02, Now, Threshold, tally, Offered: tally.Targeted, NotOffered: 0));
    }

    [Fact]
    public void The_same_failure_rate_under_a_laxer_threshold_does_not_halt()
    {
        // 3% halts wave 1 (2%) but not wave 0 (5%).
        Given(Published(), Planned());
        var tally = Tally(installed: 97, failed: 3);
        When(Begin(0, tally));
        Then(new WaveStarted(Id, 0, 0.01, tally, Now, Ops));
    }

    [Fact]
    public void A_wave_that_begins_with_fewer_attempts_than_the_min_sample_does_not_halt()
    {
        Given(Published(), Planned());
        var tally = Tally(installed: 49, failed: 50, awaiting: 1000);
        When(Begin(0, tally));
        Then(new WaveStarted(Id, 0, 0.01, tally, Now, Ops));
    }

    [Fact]
    public void A_failure_rate_equal_to_the_threshold_does_not_halt()
    {
        Given(Published(), Planned());
        var tally = Tally(installed: 95, failed: 5);
        When(Begin(0, tally));
        Then(new WaveStarted(Id, 0, 0.01, tally, Now, Ops));
    }

    [Fact]
    public void Awaiting_and_skipped_devices_do_not_count_as_attempts()
    {
        Given(Published(), Planned());
        var tally = Tally(installed: 40, failed: 40, awaiting: 500, skipped: new SkipCounts(100, 100, 100, 100));
        When(Begin(0, tally));
        Then(new WaveStarted(Id, 0, 0.01, tally, Now, Ops));
    }

    [Fact]
    public void A_zero_threshold_halts_on_the_first_failure_once_the_sample_is_reached()
    {
        var strict = new RolloutPlan([new WavePlan(1.0, TimeSpan.Zero, 0)], 1);
        Given(Published(), Planned(strict));
        var tally = Tally(installed: 0, failed: 1);
        When(Begin(0, tally));
        Then(new WaveStarted(Id, 0, 1.0, tally, Now, Ops), new RolloutHalted(Id, 0, 1, 1, 1.0, 0, Now, Threshold, tally, Offered: tally.Targeted, NotOffered: 0));
    }

    // ---- the end of a wave ----

    [Fact]
    public void Ending_a_wave_below_its_threshold_completes_it_with_the_counts()
    {
        Given(Published(), Planned(), Started(0));
        var tally = Tally(installed: 190, failed: 2, applied: 150, awaiting: 8);
        When(End(0, tally));
        Then(new WaveCompleted(Id, 0, tally, Now, Scheduler));
    }

    [Fact]
    public void A_completed_wave_that_is_not_the_last_leaves_the_rollout_running_with_the_next_step_due_now()
    {
        Given(Published(), Planned(), Started(0));
        var tally = Tally(installed: 200);
        When(End(0, tally));
        var after = StateAfter();
        Assert.Equal(RolloutPhase.Running, after.Phase);
        Assert.Equal(new WaveRecord(0, 0.01, Wave0Start, Tally(awaiting: 10), Now, tally, false), after.CurrentWave);
        Assert.Equal(tally, after.CurrentWave!.Latest);
        Assert.Equal(0.01, after.OfferedShare);
        Assert.Equal(Now, after.NextStepAt);
    }

    [Fact]
    public void Ending_a_wave_above_its_threshold_over_the_min_sample_halts_with_the_figures()
    {
        Given(Published(), Planned(), Started(0));
        When(End(0, Tally(installed: 90, failed: 10, awaiting: 5)));
        Then(new RolloutHalted(Id, 0, 100, 10, 0.1, 0.05, Now, Threshold, Tally(installed: 90, failed: 10, awaiting: 5), Offered: 105, NotOffered: 0));
        var after = StateAfter();
        Assert.Equal(RolloutPhase.Halted, after.Phase);
        Assert.Null(after.CurrentWave!.CompletedAt);
        Assert.True(after.CurrentWave.Halted);
        Assert.Equal(new HaltRecord(0, 100, 10, 0.1, 0.05, Now, Offered: 105, NotOffered: 0), after.Halt);
    }

    [Fact]
    public void Ending_a_wave_with_fewer_attempts_than_the_min_sample_completes_it()
    {
        Given(Published(), Planned(), Started(0));
        var tally = Tally(installed: 9, failed: 90);
        When(End(0, tally));
        Then(new WaveCompleted(Id, 0, tally, Now, Scheduler));
    }

    [Fact]
    public void Ending_a_wave_exactly_at_its_threshold_completes_it()
    {
        Given(Published(), Planned(), Started(0), Completed(0), Started(1));
        var tally = Tally(installed: 980, failed: 20);
        When(End(1, tally));
        Then(new WaveCompleted(Id, 1, tally, Now, Scheduler));
    }

    [Fact]
    public void Ending_a_wave_just_over_its_threshold_halts()
    {
        Given(Published(), Planned(), Started(0), Completed(0), Started(1));
        When(End(1, Tally(installed: 979, failed: 21)));
        Then(new RolloutHalted(Id, 1, 1000, 21, 21.0 / 1000, 0.02, Now, Threshold, Tally(installed: 979, failed: 21), Offered: 1000, NotOffered: 0));
    }

    [Fact]
    public void A_halted_wave_that_was_resumed_is_completed_by_its_end_not_halted_again()
    {
        Given(Published(), Planned(), Started(0), Halted(0), Resumed(Wave0Start.AddHours(3)));
        var tally = Tally(installed: 70, failed: 30);
        When(End(0, tally));
        Then(new WaveCompleted(Id, 0, tally, Now, Scheduler));
        Assert.Equal(RolloutPhase.Running, StateAfter().Phase);
    }

    [Fact]
    public void A_wave_halted_as_it_began_and_resumed_is_completed_by_its_end()
    {
        // The events a halting BeginWave decides, then the operator's resume.
        Given(Published(), Planned(), Started(0, Tally(installed: 94, failed: 6)), Halted(0, 100, 6) with { At = Wave0Start },
            Resumed(Wave0Start.AddHours(3)));
        var tally = Tally(installed: 90, failed: 10);
        When(End(0, tally));
        Then(new WaveCompleted(Id, 0, tally, Now, Scheduler));
    }

    [Fact]
    public void The_wave_after_a_resumed_halt_can_halt_again()
    {
        Given(Published(), Planned(), Started(0), Halted(0), Resumed(Wave0Start.AddHours(3)), Completed(0), Started(1));
        When(End(1, Tally(installed: 90, failed: 10)));
        Then(new RolloutHalted(Id, 1, 100, 10, 0.1, 0.02, Now, Threshold, Tally(installed: 90, failed: 10), Offered: 100, NotOffered: 0));
    }

    [Fact]
    public void Completing_the_last_wave_completes_the_rollout()
    {
        Given(Published(), Planned(), Started(0), Completed(0), Started(1), Completed(1), Started(2));
        var tally = Tally(installed: 9000, applied: 8000, awaiting: 1000);
        When(End(2, tally));
        Then(new WaveCompleted(Id, 2, tally, Now, Scheduler));
        var after = StateAfter();
        Assert.Equal(RolloutPhase.Completed, after.Phase);
        Assert.Equal(1.0, after.OfferedShare);
        Assert.Null(after.NextStepAt);
    }

    [Fact]
    public void A_one_wave_plan_completes_with_its_only_wave()
    {
        var once = new RolloutPlan([new WavePlan(1.0, TimeSpan.FromHours(6), 0.1)], 10);
        Given(Published(), Planned(once), new WaveStarted(Id, 0, 1.0, Tally(awaiting: 5), Wave0Start, Ops));
        When(End(0));
        Then(new WaveCompleted(Id, 0, Tally(installed: 200), Now, Scheduler));
        Assert.Equal(RolloutPhase.Completed, StateAfter().Phase);
    }

    [Fact]
    public void Ending_a_wave_that_is_not_the_current_one_changes_nothing()
    {
        Given(Published(), Planned(), Started(0));
        When(End(1));
        ThenNothingHappens();
    }

    [Fact]
    public void Ending_a_wave_twice_completes_it_once()
    {
        Given(Published(), Planned(), Started(0), Completed(0));
        When(End(0));
        ThenNothingHappens();
    }

    [Fact]
    public void Ending_a_wave_of_a_halted_rollout_changes_nothing()
    {
        Given(Published(), Planned(), Started(0), Halted(0));
        When(End(0, Tally(installed: 10, failed: 90)));
        ThenNothingHappens();
    }

    [Fact]
    public void Ending_a_wave_of_a_paused_rollout_changes_nothing()
    {
        Given(Published(), Planned(), Started(0), Paused(Wave0Start.AddHours(1)));
        When(End(0));
        ThenNothingHappens();
    }

    [Fact]
    public void Ending_a_wave_before_the_start_changes_nothing()
    {
        Given(Published(), Planned());
        When(End(0));
        ThenNothingHappens();
    }

    [Fact]
    public void Ending_a_wave_of_a_completed_rollout_changes_nothing()
    {
        Given(Published(), Planned(), Started(0), Completed(0), Started(1), Completed(1), Started(2), Completed(2));
        When(End(2));
        ThenNothingHappens();
    }
}
