using BsiLedger.Domain.Releases.Pacing;

namespace BsiLedger.Domain.Tests.Releases.Pacing;

/// <summary>Given a paced wave's progress, when the domain clock reaches a time, then this many offers are due.</summary>
public sealed class WavePacerSpec
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Hours(double hours) => Start.AddHours(hours);

    /// <summary>Steps the wave hour by hour with <paramref name="successes"/> installs reported as of each step; the offers due at each.</summary>
    private static int[] Hourly(WavePacing pacing, int slice, int hours, Func<PacingProgress, int>? successes = null)
    {
        var progress = PacingProgress.StartedAt(Start);
        var due = new int[hours];
        for (var h = 0; h < hours; h++)
        {
            var step = WavePacer.Step(pacing, progress, slice, successes?.Invoke(progress) ?? 0, Hours(h + 1));
            due[h] = step.Due;
            progress = step.Next;
        }

        return due;
    }

    [Fact]
    public void At_a_steady_rate_an_hour_brings_that_many_offers_and_nothing_is_due_at_the_start()
    {
        var pacing = WavePacing.Rate(200);

        Assert.Equal(0, WavePacer.Step(pacing, PacingProgress.StartedAt(Start), 10_000, 0, Start).Due);
        Assert.Equal([200, 200, 200], Hourly(pacing, 10_000, 3));
    }

    [Fact]
    public void Fractions_of_an_offer_carry_over_to_the_next_step()
    {
        Assert.Equal([2, 3, 2, 3], Hourly(WavePacing.Rate(2.5), 100, 4));
    }

    [Fact]
    public void The_rate_doubles_after_every_hundred_successes_from_the_step_after_they_are_tallied()
    {
        var pacing = WavePacing.Rate(100, rampFactor: 2, rampEvery: 100);

        // Every device offered has installed by the next step: 0, 100, 200, 400 successes tallied at steps 1 to 4,
        // each raising the rate of the hour that follows.
        var due = Hourly(pacing, 100_000, 4, progress => progress.Offered);

        Assert.Equal([100, 100, 200, 400], due);
    }

    [Fact]
    public void A_ramp_on_offers_counts_offers_sent_whatever_the_devices_report()
    {
        // After 100 offers the rate doubles, after 200 more (300 in all) it has doubled three times.
        Assert.Equal([100, 200, 800], Hourly(WavePacing.Rate(100, rampFactor: 2, rampEvery: 100, rampOn: RampBasis.Offers), 100_000, 3));
        Assert.Equal([100, 100, 100], Hourly(WavePacing.Rate(100, rampFactor: 2, rampEvery: 100), 100_000, 3));
    }

    [Fact]
    public void A_ramp_stops_at_its_cap()
    {
        var pacing = WavePacing.Rate(100, rampFactor: 3, rampEvery: 50, rampOn: RampBasis.Offers, maxPerHour: 500);

        Assert.Equal([100, 500, 500, 500], Hourly(pacing, 100_000, 4));
    }

    [Fact]
    public void A_wave_never_offers_more_than_its_slice_even_where_an_uncapped_ramp_runs_away()
    {
        var due = Hourly(WavePacing.Rate(1_000, rampFactor: 1_000, rampEvery: 1, rampOn: RampBasis.Offers), 2_500, 5);

        Assert.Equal([1_000, 1_500, 0, 0, 0], due);
    }

    [Fact]
    public void Spread_over_a_duration_offers_the_slice_evenly_and_all_of_it_by_the_end()
    {
        var due = Hourly(WavePacing.Spread(TimeSpan.FromHours(4)), 1_000, 6);

        Assert.Equal([250, 250, 250, 250, 0, 0], due);
    }

    [Fact]
    public void Time_spent_paused_brings_no_offers_and_resuming_continues_at_the_rate_the_wave_had()
    {
        var pacing = WavePacing.Rate(100, rampFactor: 2, rampEvery: 100, rampOn: RampBasis.Offers);
        var running = WavePacer.Step(pacing, PacingProgress.StartedAt(Start), 10_000, 0, Hours(1)).Next;
        Assert.Equal(100, running.Offered);

        // Paused from T+1h to T+10h.
        var resumed = running.ResumedAt(Hours(10));
        var next = WavePacer.Step(pacing, resumed, 10_000, 0, Hours(11));

        Assert.Equal(200, next.Due);
    }

    [Fact]
    public void The_same_steps_at_the_same_times_give_the_same_offers()
    {
        var pacing = WavePacing.Rate(37.3, rampFactor: 1.7, rampEvery: 40, maxPerHour: 900);

        Assert.Equal(Hourly(pacing, 50_000, 24, p => p.Offered * 9 / 10), Hourly(pacing, 50_000, 24, p => p.Offered * 9 / 10));
    }
}
