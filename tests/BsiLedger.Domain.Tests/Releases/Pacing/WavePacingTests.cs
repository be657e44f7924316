using BsiLedger.Domain.Releases.Pacing;

namespace BsiLedger.Domain.Tests.Releases.Pacing;

public sealed class WavePacingTests
{
    private static readonly TimeSpan Soak = TimeSpan.FromHours(48);

    [Fact]
    public void A_rate_with_a_ramp_and_a_cap_and_a_spread_within_the_soak_have_no_problem()
    {
        Assert.Null(WavePacing.Rate(200, rampFactor: 2, rampEvery: 100, maxPerHour: 5_000).Problem(Soak));
        Assert.Null(WavePacing.Rate(0.5).Problem(Soak));
        Assert.Null(WavePacing.Spread(Soak).Problem(Soak));
    }

    [Theory]
    [InlineData(0.0, null, null, null, "pacing.ratePerHour")]
    [InlineData(-3.0, null, null, null, "pacing.ratePerHour")]
    [InlineData(100.0, 1.0, 50, null, "pacing.rampFactor")]
    [InlineData(100.0, 0.5, 50, null, "pacing.rampFactor")]
    [InlineData(100.0, 2.0, 0, null, "pacing.rampEvery")]
    [InlineData(100.0, 2.0, null, null, "rampFactor and rampEvery go together")]
    [InlineData(100.0, null, null, 99.0, "pacing.maxPerHour")]
    public void A_bad_rate_names_its_field(double rate, double? factor, int? every, double? max, string named)
    {
        var problem = new WavePacing(rate, factor, every, RampBasis.Successes, max, null).Problem(Soak);

        Assert.NotNull(problem);
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spread_longer_than_the_soak_or_not_positive_or_mixed_with_a_rate_is_refused()
    {
        Assert.Contains("longer than the wave's soak", WavePacing.Spread(Soak + TimeSpan.FromHours(1)).Problem(Soak), StringComparison.Ordinal);
        Assert.Contains("not a positive duration", WavePacing.Spread(TimeSpan.Zero).Problem(Soak), StringComparison.Ordinal);
        Assert.Contains("cannot be combined", (WavePacing.Spread(Soak) with { RatePerHour = 10 }).Problem(Soak), StringComparison.Ordinal);
        Assert.Contains("give ratePerHour", new WavePacing(null, null, null, RampBasis.Successes, null, null).Problem(Soak), StringComparison.Ordinal);
    }
}
