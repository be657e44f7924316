using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.Domain.Releases.Pacing;

namespace BsiLedger.Domain.Tests.Releases.Pacing;

/// <summary>A wave offered at a pace: its batches, the halt in the middle of it, pause, resume and recall.</summary>
public sealed class PacedWaveSpec : ReleaseSpec
{
    private const int Slice = 1_000;

    private static readonly DateTimeOffset Start = Now.AddHours(-5);

    /// <summary>One wave of 10% soaking 48h, halting above 2%, offered at 100 an hour; 100 attempts count.</summary>
    private static RolloutPlan Paced() => new([new WavePlan(0.10, Soak1, 0.02, WavePacing.Rate(100))], 100);

    private static WaveStarted PacedStart() => new(Id, 0, 0.10, WaveTally.Empty, Start, Ops, Slice);

    private static PacingProgress Progress(int offered, int hoursIn, int successes = 0) =>
        new(Start.AddHours(hoursIn), offered, offered, successes);

    private static WaveOffersSent Sent(int offered, int hoursIn, WaveTally tally) =>
        new(Id, 0, tally, Progress(offered, hoursIn), Start.AddHours(hoursIn), Scheduler);

    private static SendWaveOffers Send(int offered, WaveTally tally) => new(Id, 0, tally, Progress(offered, 5), Scheduler);

    [Fact]
    public void Starting_a_paced_wave_offers_nothing_yet_records_its_slice_and_waits_for_its_first_offer()
    {
        Given(Published(), Planned(Paced()));
        When(new BeginWave(Id, 0, WaveTally.Empty, Ops, Slice));
        Then(new WaveStarted(Id, 0, 0.10, WaveTally.Empty, Now, Ops, Slice));

        var after = StateAfter();
        Assert.Equal(Slice, after.CurrentWave!.NotOffered);
        // One offer at 100 an hour is due 36 s in.
        Assert.Equal(Now.AddSeconds(36), after.NextStepAt);
    }

    [Fact]
    public void A_batch_of_offers_adds_to_the_wave_s_counts_and_its_progress()
    {
        Given(Published(), Planned(Paced()), PacedStart(), Sent(100, 1, Tally(installed: 100)));
        When(Send(500, Tally(installed: 399, failed: 1)));
        Then(new WaveOffersSent(Id, 0, Tally(installed: 399, failed: 1), Progress(500, 5), Now, Scheduler));

        var wave = StateAfter().CurrentWave!;
        Assert.Equal(Tally(installed: 499, failed: 1), wave.AtStart);
        Assert.Equal(500, wave.NotOffered);
    }

    [Fact]
    public void Failures_crossing_the_threshold_halt_the_wave_with_the_rest_of_its_slice_never_offered()
    {
        Given(Published(), Planned(Paced()), PacedStart(), Sent(100, 1, Tally(installed: 99, failed: 1)));
        When(Send(200, Tally(installed: 95, failed: 5)));

        var all = Tally(installed: 194, failed: 6);
        Then(
            new WaveOffersSent(Id, 0, Tally(installed: 95, failed: 5), Progress(200, 5), Now, Scheduler),
            new RolloutHalted(Id, 0, 200, 6, 0.03, 0.02, Now, Threshold, all, Offered: 200, NotOffered: 800));
        Assert.Null(StateAfter().NextStepAt);
    }

    [Fact]
    public void A_paced_wave_does_not_end_at_its_soak_while_part_of_its_slice_is_not_offered()
    {
        Given(Published(), Planned(Paced()), PacedStart(), Sent(100, 1, Tally(installed: 100)));
        When(End(0));
        ThenNothingHappens();
    }

    [Fact]
    public void A_paused_wave_sends_no_offers_and_resuming_counts_its_pace_from_the_resumption()
    {
        Given(Published(), Planned(Paced()), PacedStart(), Sent(100, 1, Tally(installed: 100)), Paused(Start.AddHours(2)));
        When(Send(300, Tally(installed: 200)));
        ThenNothingHappens();
        Assert.Null(Replay([Published(), Planned(Paced()), PacedStart(), Paused(Start.AddHours(2))]).NextStepAt);

        var resumed = Replay([Published(), Planned(Paced()), PacedStart(), Sent(100, 1, Tally(installed: 100)), Paused(Start.AddHours(2)), Resumed(Start.AddHours(4))]);
        Assert.Equal(Progress(100, 4), resumed.CurrentWave!.Pacing);
        Assert.Equal(Start.AddHours(4).AddSeconds(36), resumed.NextStepAt);
    }

    [Fact]
    public void A_recall_stops_every_offer_still_to_come()
    {
        Given(Published(), Planned(Paced()), PacedStart(), Sent(100, 1, Tally(installed: 100)), Recalled(at: Start.AddHours(2)));
        When(Send(300, Tally(installed: 200)));
        ThenNothingHappens();
        Assert.Null(StateAfter().NextStepAt);
    }

    [Fact]
    public void A_batch_driven_again_that_sends_nothing_new_changes_nothing()
    {
        Given(Published(), Planned(Paced()), PacedStart(), Sent(100, 1, Tally(installed: 100)));
        When(Send(100, Tally(installed: 100)));
        ThenNothingHappens();
    }

    [Fact]
    public void A_plan_names_the_wave_whose_pacing_is_wrong()
    {
        var plan = new RolloutPlan([new WavePlan(0.10, Soak1, 0.02), new WavePlan(1.0, Soak0, 0.02, WavePacing.Spread(Soak1))], 100);

        Assert.Equal("wave 2: pacing.spreadOver: 2d is longer than the wave's soak of 1d", plan.Problem());
    }
}
