using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Commands;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.Domain.Releases.Pacing;

namespace BsiLedger.Domain.Tests.Releases;

/// <summary>Devices that report hours after their offer: a running wave is weighed on their reports as they arrive.</summary>
public sealed class WaveReportsSpec : ReleaseSpec
{
    /// <summary>Wave 0 (1%, above 5% halts) offered to 300 devices, none of which had answered at the offer.</summary>
    private static WaveStarted OfferedToAll() => Started(0, Tally(awaiting: 300));

    private static CheckWaveReports Reports(int installed, int failed, int applied = 0, int wave = 0) =>
        new(Id, wave, new ReportedOutcomes(installed, applied, failed), Scheduler);

    [Fact]
    public void Failures_reported_after_the_offer_halt_the_wave_before_its_soak_ends()
    {
        Given(Published(), Planned(), OfferedToAll());
        When(Reports(installed: 90, failed: 10, applied: 40));

        var tally = new WaveTally(300, 90, 40, 10, 200, SkipCounts.None);
        Then(new RolloutHalted(Id, 0, 100, 10, 0.10, 0.05, Now, Threshold, tally, Offered: 300, NotOffered: 0));
        Assert.Equal(RolloutPhase.Halted, StateAfter().Phase);
    }

    [Fact]
    public void Reports_under_the_minimum_sample_or_the_threshold_record_nothing()
    {
        Given(Published(), Planned(), OfferedToAll());
        When(Reports(installed: 60, failed: 30));
        ThenNothingHappens();

        When(Reports(installed: 196, failed: 4));
        ThenNothingHappens();
    }

    [Fact]
    public void A_paced_wave_halts_on_reports_with_the_part_of_its_slice_not_yet_offered_counted()
    {
        var plan = new RolloutPlan([new WavePlan(0.10, Soak1, 0.02, WavePacing.Rate(100))], 100);
        var started = new WaveStarted(Id, 0, 0.10, WaveTally.Empty, T0.AddHours(2), Ops, 1_000);
        var sent = new WaveOffersSent(Id, 0, Tally(awaiting: 250), new PacingProgress(T0.AddHours(4), 250, 250, 0), T0.AddHours(4), Scheduler);
        Given(Published(), Planned(plan), started, sent);
        When(Reports(installed: 95, failed: 5));

        var tally = new WaveTally(250, 95, 0, 5, 150, SkipCounts.None);
        Then(new RolloutHalted(Id, 0, 100, 5, 0.05, 0.02, Now, Threshold, tally, Offered: 250, NotOffered: 750));
        Assert.Null(StateAfter().NextStepAt);
    }

    [Fact]
    public void Reports_on_a_wave_that_is_not_running_record_nothing()
    {
        var crossing = Reports(installed: 50, failed: 50);
        Given(Published(), Planned(), OfferedToAll(), Paused(Wave0Start.AddHours(1)));
        When(crossing);
        ThenNothingHappens();

        Given(Published(), Planned(), OfferedToAll(), Recalled(at: Wave0Start.AddHours(1)));
        When(crossing);
        ThenNothingHappens();

        Given(Published(), Planned(), OfferedToAll(), Completed(0), Started(1));
        When(crossing);
        ThenNothingHappens();
    }

    [Fact]
    public void A_wave_resumed_after_its_halt_is_not_halted_again_on_the_same_slice()
    {
        Given(Published(), Planned(), OfferedToAll(), Halted(0), Resumed(Wave0Start.AddHours(3)));
        When(Reports(installed: 50, failed: 60));
        ThenNothingHappens();
    }
}
