using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Tests.Releases;

public sealed class WaveTallyTests
{
    [Theory]
    [InlineData(OfferOutcome.Ineligible, 0, 0, 0, 0, 0, 0, 1, 0)]
    [InlineData(OfferOutcome.AutoInstallOff, 0, 0, 0, 0, 1, 0, 0, 0)]
    [InlineData(OfferOutcome.MdmForbids, 0, 0, 0, 0, 0, 1, 0, 0)]
    [InlineData(OfferOutcome.Offline, 0, 0, 0, 0, 0, 0, 0, 1)]
    [InlineData(OfferOutcome.Awaiting, 0, 0, 0, 1, 0, 0, 0, 0)]
    [InlineData(OfferOutcome.Installed, 1, 0, 0, 0, 0, 0, 0, 0)]
    [InlineData(OfferOutcome.Applied, 1, 1, 0, 0, 0, 0, 0, 0)]
    [InlineData(OfferOutcome.Failed, 0, 0, 1, 0, 0, 0, 0, 0)]
    [InlineData(OfferOutcome.Withdrawn, 1, 0, 0, 0, 0, 0, 0, 0)]
    public void Each_outcome_counts_the_device_as_targeted_and_where_it_stands(
        OfferOutcome outcome, int installed, int applied, int failed, int awaiting,
        int autoInstallOff, int mdmForbids, int ineligible, int offline)
    {
        Assert.Equal(
            new WaveTally(1, installed, applied, failed, awaiting, new SkipCounts(autoInstallOff, mdmForbids, ineligible, offline)),
            WaveTally.Empty.Plus(outcome));
    }

    [Fact]
    public void Every_outcome_is_counted()
    {
        foreach (var outcome in Enum.GetValues<OfferOutcome>())
        {
            Assert.Equal(1, WaveTally.Empty.Plus(outcome).Targeted);
        }
    }

    [Fact]
    public void An_unknown_outcome_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WaveTally.Empty.Plus((OfferOutcome)99));

    [Fact]
    public void Attempts_are_installs_and_failures_and_the_rate_is_failures_over_attempts()
    {
        var tally = new WaveTally(100, 30, 20, 10, 40, new SkipCounts(5, 5, 5, 5));
        Assert.Equal(40, tally.Attempts);
        Assert.Equal(0.25, tally.FailureRate);
    }

    [Fact]
    public void A_tally_without_attempts_has_no_failure_rate()
    {
        Assert.Equal(0, WaveTally.Empty.Attempts);
        Assert.Equal(0, WaveTally.Empty.FailureRate);
        Assert.Equal(0, new WaveTally(10, 0, 0, 0, 10, SkipCounts.None).FailureRate);
    }

    [Fact]
    public void Tallies_add_field_by_field()
    {
        var a = new WaveTally(10, 4, 3, 1, 2, new SkipCounts(1, 1, 0, 0));
        var b = new WaveTally(20, 5, 1, 2, 3, new SkipCounts(2, 3, 4, 1));
        Assert.Equal(new WaveTally(30, 9, 4, 3, 5, new SkipCounts(3, 4, 4, 1)), a.Plus(b));
        Assert.Equal(a, a.Plus(WaveTally.Empty));
    }

    [Fact]
    public void Folding_outcomes_gives_the_same_tally_as_adding_their_tallies()
    {
        var outcomes = Enum.GetValues<OfferOutcome>().Concat([OfferOutcome.Failed, OfferOutcome.Applied, OfferOutcome.Offline]).ToArray();
        var folded = outcomes.Aggregate(WaveTally.Empty, (tally, o) => tally.Plus(o));
        var summed = outcomes.Select(o => WaveTally.Empty.Plus(o)).Aggregate(WaveTally.Empty, (tally, t) => tally.Plus(t));
        Assert.Equal(summed, folded);
        Assert.Equal(outcomes.Length, folded.Targeted);
        Assert.Equal(new SkipCounts(1, 1, 1, 2), folded.Skipped);
        Assert.Equal(2, folded.Failed);
        Assert.Equal(folded, WaveTally.Of(outcomes));
    }

    [Fact]
    public void An_outcome_that_is_not_one_is_refused_when_counted_too()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WaveTally.Of([(OfferOutcome)42]));
    }

    [Fact]
    public void Skip_counts_add_reason_by_reason()
    {
        Assert.Equal(new SkipCounts(3, 5, 7, 9), new SkipCounts(1, 2, 3, 4).Plus(new SkipCounts(2, 3, 4, 5)));
        Assert.Equal(new SkipCounts(1, 2, 3, 4), new SkipCounts(1, 2, 3, 4).Plus(SkipCounts.None));
    }
}
