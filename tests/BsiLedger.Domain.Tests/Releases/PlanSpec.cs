using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.Domain.Releases.Events;

namespace BsiLedger.Domain.Tests.Releases;

public sealed class PlanSpec : ReleaseSpec
{
    private static RolloutPlan TwoWaves() =>
        new([new WavePlan(0.05, TimeSpan.FromHours(12), 0.03), new WavePlan(1.0, TimeSpan.Zero, 0.03)], 50);

    [Fact]
    public void Planning_a_published_release_records_the_plan()
    {
        Given(Published());
        When(new PlanRollout(Id, ThreeWaves(), Ops));
        Then(new RolloutPlanned(Id, ThreeWaves(), Now, Ops));
    }

    [Fact]
    public void A_planned_release_has_its_plan_and_offers_nothing_yet()
    {
        Given(Published());
        When(new PlanRollout(Id, ThreeWaves(), Ops));
        var after = StateAfter();
        Assert.Equal(RolloutPhase.Planned, after.Phase);
        Assert.True(after.Plan!.SameAs(ThreeWaves()));
        Assert.Empty(after.Waves);
        Assert.Equal(0, after.OfferedShare);
        Assert.Null(after.NextStepAt);
    }

    [Fact]
    public void An_invalid_plan_is_refused_naming_the_wave()
    {
        Given(Published());
        var plan = ThreeWaves() with { Waves = [new WavePlan(0.10, Soak0, 0.05), new WavePlan(0.05, Soak1, 0.02)] };
        When(new PlanRollout(Id, plan, Ops));
        var error = ThenRefused<InvalidRolloutPlan>();
        Assert.StartsWith("wave 2:", error.Problem, StringComparison.Ordinal);
        Assert.Contains("wave 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_replan_is_refused_and_the_plan_stays()
    {
        Given(Published(), Planned());
        When(new PlanRollout(Id, ThreeWaves() with { MinSample = 0 }, Ops));
        ThenRefused<InvalidRolloutPlan>();
        Assert.True(Current.Plan!.SameAs(ThreeWaves()));
    }

    [Fact]
    public void Replanning_before_the_start_records_the_new_plan()
    {
        Given(Published(), Planned());
        When(new PlanRollout(Id, TwoWaves(), Ops));
        Then(new RolloutPlanned(Id, TwoWaves(), Now, Ops));
        Assert.True(StateAfter().Plan!.SameAs(TwoWaves()));
        Assert.Equal(RolloutPhase.Planned, StateAfter().Phase);
    }

    [Fact]
    public void Replanning_with_only_a_different_min_sample_records_the_new_plan()
    {
        Given(Published(), Planned());
        When(new PlanRollout(Id, ThreeWaves() with { MinSample = 500 }, Ops));
        Then(new RolloutPlanned(Id, ThreeWaves() with { MinSample = 500 }, Now, Ops));
    }

    [Fact]
    public void Replanning_with_an_identical_plan_changes_nothing()
    {
        // A plan built afresh: equal contents in other arrays.
        Given(Published(), Planned());
        When(new PlanRollout(Id, ThreeWaves(), Ops));
        ThenNothingHappens();
    }

    [Fact]
    public void Replanning_after_the_start_is_refused()
    {
        Given(Published(), Planned(), Started(0));
        When(new PlanRollout(Id, TwoWaves(), Ops));
        Assert.Equal(RolloutPhase.Running, ThenRefused<RolloutAlreadyStarted>().Phase);
    }

    [Fact]
    public void Replanning_after_the_start_is_refused_even_with_the_identical_plan()
    {
        Given(Published(), Planned(), Started(0));
        When(new PlanRollout(Id, ThreeWaves(), Ops));
        ThenRefused<RolloutAlreadyStarted>();
    }

    [Fact]
    public void Replanning_a_paused_rollout_is_refused()
    {
        Given(Published(), Planned(), Started(0), Paused(Wave0Start.AddHours(1)));
        When(new PlanRollout(Id, TwoWaves(), Ops));
        Assert.Equal(RolloutPhase.Paused, ThenRefused<RolloutAlreadyStarted>().Phase);
    }

    [Fact]
    public void Replanning_a_halted_rollout_is_refused()
    {
        Given(Published(), Planned(), Started(0), Halted(0));
        When(new PlanRollout(Id, TwoWaves(), Ops));
        Assert.Equal(RolloutPhase.Halted, ThenRefused<RolloutAlreadyStarted>().Phase);
    }

    [Fact]
    public void Replanning_a_completed_rollout_is_refused()
    {
        Given(Published(), Planned(), Started(0), Completed(0), Started(1), Completed(1), Started(2), Completed(2));
        When(new PlanRollout(Id, TwoWaves(), Ops));
        Assert.Equal(RolloutPhase.Completed, ThenRefused<RolloutAlreadyStarted>().Phase);
    }

    [Fact]
    public void The_refusal_of_a_replan_names_the_phase_in_its_message()
    {
        Given(Published(), Planned(), Started(0), Paused(Wave0Start.AddHours(1)));
        When(new PlanRollout(Id, TwoWaves(), Ops));
        Assert.Contains("paused", ThenRefused<RolloutAlreadyStarted>().Message, StringComparison.Ordinal);
    }
}
