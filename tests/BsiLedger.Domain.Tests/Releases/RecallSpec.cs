using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Domain.Releases.Errors;
using BsiLedger.Domain.Releases.Events;

namespace BsiLedger.Domain.Tests.Releases;

public sealed class RecallSpec : ReleaseSpec
{
    private static IssueRecall Recall(string recallId = "recall-9") => new(Id, recallId, "breaks sign-in pages", Ops);

    [Fact]
    public void Recalling_a_running_rollout_records_the_recall_with_its_id_and_reason()
    {
        Given(Published(), Planned(), Started(0));
        When(Recall());
        Then(new RecallIssued(Id, "recall-9", "breaks sign-in pages", Now, Ops));
    }

    [Fact]
    public void A_recalled_release_offers_nothing_and_waits_for_nobody()
    {
        Given(Published(), Planned(), Started(0));
        When(Recall());
        var after = StateAfter();
        Assert.Equal(new RecallRecord("recall-9", "breaks sign-in pages", Now, null, 0, 0, Ops), after.Recall);
        Assert.False(after.Recall!.IsComplete);
        Assert.Equal(0, after.OfferedShare);
        Assert.Null(after.NextStepAt);
    }

    [Fact]
    public void A_completed_rollout_offers_nothing_once_recalled()
    {
        Given(Published(), Planned(), Started(0), Completed(0), Started(1), Completed(1), Started(2), Completed(2));
        Assert.Equal(1.0, Current.OfferedShare);
        When(Recall());
        Then(new RecallIssued(Id, "recall-9", "breaks sign-in pages", Now, Ops));
        Assert.Equal(0, StateAfter().OfferedShare);
        Assert.Null(StateAfter().NextStepAt);
    }

    [Fact]
    public void A_release_can_be_recalled_before_its_rollout_is_planned()
    {
        Given(Published());
        When(Recall());
        Then(new RecallIssued(Id, "recall-9", "breaks sign-in pages", Now, Ops));
    }

    [Fact]
    public void A_halted_rollout_can_be_recalled()
    {
        Given(Published(), Planned(), Started(0), Halted(0));
        When(Recall());
        Then(new RecallIssued(Id, "recall-9", "breaks sign-in pages", Now, Ops));
    }

    [Fact]
    public void Recalling_twice_is_refused_naming_the_first_recall()
    {
        Given(Published(), Planned(), Started(0), Recalled("recall-7"));
        When(Recall("recall-9"));
        var error = ThenRefused<ReleaseAlreadyRecalled>();
        Assert.Equal("recall-7", error.RecallId);
        Assert.Contains("recall-7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recalling_again_with_the_same_recall_id_is_refused_too()
    {
        Given(Published(), Recalled("recall-9"));
        When(Recall("recall-9"));
        ThenRefused<ReleaseAlreadyRecalled>();
    }

    public static TheoryData<string, string> OperatorCommandsAfterARecall() => new()
    {
        { "plan", "not planned" },
        { "plan", "planned" },
        { "start", "not planned" },
        { "start", "planned" },
        { "pause", "running" },
        { "resume", "paused" },
        { "resume", "halted" },
    };

    [Theory]
    [MemberData(nameof(OperatorCommandsAfterARecall))]
    public void Operator_commands_on_a_recalled_release_are_refused(string command, string phase)
    {
        IReleaseEvent[] before = phase switch
        {
            "not planned" => [Published()],
            "planned" => [Published(), Planned()],
            "running" => [Published(), Planned(), Started(0)],
            "paused" => [Published(), Planned(), Started(0), Paused(Wave0Start.AddHours(1))],
            _ => [Published(), Planned(), Started(0), Halted(0)],
        };
        Given([.. before, Recalled("recall-7")]);
        When(command switch
        {
            "plan" => new PlanRollout(Id, ThreeWaves() with { MinSample = 5 }, Ops),
            "start" => Begin(0),
            "pause" => new PauseRollout(Id, Ops),
            _ => new ResumeRollout(Id, Ops),
        });
        Assert.Equal("recall-7", ThenRefused<ReleaseAlreadyRecalled>().RecallId);
    }

    [Fact]
    public void The_start_refusal_of_a_recalled_release_names_the_recall()
    {
        var refusal = ReleaseDecider.StartRefusal(Replay([Published(), Planned(), Recalled("recall-7")]));
        Assert.Equal("recall-7", Assert.IsType<ReleaseAlreadyRecalled>(refusal?.Error).RecallId);
    }

    [Fact]
    public void No_further_wave_begins_after_a_recall()
    {
        Given(Published(), Planned(), Started(0), Completed(0), Recalled());
        When(Begin(1));
        ThenNothingHappens();
    }

    [Fact]
    public void The_current_wave_does_not_end_after_a_recall()
    {
        Given(Published(), Planned(), Started(0), Recalled());
        When(End(0));
        ThenNothingHappens();
    }

    [Fact]
    public void Republishing_a_recalled_release_identically_changes_nothing()
    {
        Given(Published(), Recalled());
        When(Publish());
        ThenNothingHappens();
    }

    [Fact]
    public void Completing_a_recall_records_the_counts_against_the_recall()
    {
        Given(Published(), Planned(), Started(0), Recalled("recall-7"));
        When(new CompleteRecall(Id, 120, 3, Scheduler));
        Then(new RecallCompleted(Id, "recall-7", 120, 3, 0, Now, Scheduler));
        Assert.Equal(new RecallRecord("recall-7", "breaks sign-in pages", T0.AddDays(5), Now, 120, 3, Ops), StateAfter().Recall);
        Assert.True(StateAfter().Recall!.IsComplete);
    }

    [Fact]
    public void Completing_a_recall_twice_records_it_once()
    {
        Given(Published(), Planned(), Started(0), Recalled("recall-7"),
            new RecallCompleted(Id, "recall-7", 120, 3, 0, T0.AddDays(6), Scheduler));
        When(new CompleteRecall(Id, 121, 3, Scheduler));
        ThenNothingHappens();
    }

    [Fact]
    public void Completing_a_recall_that_was_never_issued_changes_nothing()
    {
        Given(Published(), Planned(), Started(0));
        When(new CompleteRecall(Id, 0, 0, Scheduler));
        ThenNothingHappens();
    }

    [Fact]
    public void A_recall_can_be_completed_with_nothing_withdrawn()
    {
        Given(Published(), Recalled("recall-7"));
        When(new CompleteRecall(Id, 0, 0, Scheduler));
        Then(new RecallCompleted(Id, "recall-7", 0, 0, 0, Now, Scheduler));
    }
}
