using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Tests.Releases;

public sealed class RolloutPlanTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private static RolloutPlan Plan(params WavePlan[] waves) => new([.. waves], 100);

    private static RolloutPlan Valid() =>
        Plan(new WavePlan(0.01, Day, 0.05), new WavePlan(0.10, 2 * Day, 0.02), new WavePlan(1.0, TimeSpan.Zero, 0.02));

    /// <summary>The valid plan with its second wave replaced.</summary>
    private static RolloutPlan WithSecondWave(WavePlan wave) => Valid() with { Waves = Valid().Waves.SetItem(1, wave) };

    [Fact]
    public void A_plan_of_increasing_shares_with_sound_soaks_and_thresholds_has_no_problem() =>
        Assert.Null(Valid().Problem());

    [Fact]
    public void Edge_values_are_allowed_zero_soak_zero_and_full_thresholds_a_single_full_wave_and_a_sample_of_one()
    {
        Assert.Null(new RolloutPlan([new WavePlan(1.0, TimeSpan.Zero, 0)], 1).Problem());
        Assert.Null(new RolloutPlan([new WavePlan(1.0, TimeSpan.Zero, 1)], 1).Problem());
        Assert.Null(new RolloutPlan([new WavePlan(0.000001, TimeSpan.Zero, 0.5)], 1).Problem());
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.005)]
    public void Shares_that_do_not_increase_name_the_wave(double share)
    {
        var problem = WithSecondWave(new WavePlan(share, Day, 0.02)).Problem();
        Assert.NotNull(problem);
        Assert.StartsWith("wave 2:", problem, StringComparison.Ordinal);
        Assert.Contains("does not increase", problem, StringComparison.Ordinal);
        Assert.Contains("1%", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_wave_that_does_not_increase_is_named_by_its_own_number()
    {
        var plan = Plan(new WavePlan(0.01, Day, 0.05), new WavePlan(0.10, Day, 0.02), new WavePlan(0.10, Day, 0.02));
        Assert.StartsWith("wave 3:", plan.Problem(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.01)]
    [InlineData(2.0)]
    [InlineData(double.PositiveInfinity)]
    public void A_share_above_one_hundred_percent_names_the_wave(double share)
    {
        var problem = WithSecondWave(new WavePlan(share, Day, 0.02)).Problem();
        Assert.StartsWith("wave 2:", problem, StringComparison.Ordinal);
        Assert.Contains("at most 100%", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void A_share_of_zero_or_less_names_the_wave(double share)
    {
        var problem = WithSecondWave(new WavePlan(share, Day, 0.02)).Problem();
        Assert.StartsWith("wave 2:", problem, StringComparison.Ordinal);
        Assert.Contains("above 0%", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_wave_of_zero_names_wave_one()
    {
        var plan = Plan(new WavePlan(0, Day, 0.05), new WavePlan(1.0, Day, 0.05));
        Assert.StartsWith("wave 1:", plan.Problem(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(5.0)]
    [InlineData(double.NaN)]
    public void A_threshold_outside_zero_to_one_names_the_wave(double threshold)
    {
        var problem = WithSecondWave(new WavePlan(0.10, Day, threshold)).Problem();
        Assert.StartsWith("wave 2:", problem, StringComparison.Ordinal);
        Assert.Contains("failure threshold", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_soak_names_the_wave()
    {
        var problem = WithSecondWave(new WavePlan(0.10, TimeSpan.FromHours(-1), 0.02)).Problem();
        Assert.StartsWith("wave 2:", problem, StringComparison.Ordinal);
        Assert.Contains("soak", problem, StringComparison.Ordinal);
        Assert.Contains("negative", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_min_sample_below_one_is_named(int minSample)
    {
        var problem = (Valid() with { MinSample = minSample }).Problem();
        Assert.StartsWith("min sample:", problem, StringComparison.Ordinal);
        Assert.Contains(minSample.ToString(System.Globalization.CultureInfo.InvariantCulture), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_without_waves_is_refused()
    {
        Assert.Contains("at least one wave", new RolloutPlan([], 100).Problem(), StringComparison.Ordinal);
        Assert.Contains("at least one wave", new RolloutPlan(default, 100).Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_share_before_a_wave_is_the_previous_wave_s_share()
    {
        var plan = Valid();
        Assert.Equal(0, plan.ShareBefore(0));
        Assert.Equal(0.01, plan.ShareBefore(1));
        Assert.Equal(0.10, plan.ShareBefore(2));
    }

    [Fact]
    public void Plans_with_the_same_waves_and_sample_are_the_same()
    {
        Assert.True(Valid().SameAs(Valid()));
        Assert.False(Valid().SameAs(Valid() with { MinSample = 101 }));
        Assert.False(Valid().SameAs(WithSecondWave(new WavePlan(0.10, Day, 0.03))));
        Assert.False(Valid().SameAs(WithSecondWave(new WavePlan(0.10, Day, 0.02))));
        Assert.False(Valid().SameAs(Valid() with { Waves = Valid().Waves.RemoveAt(2) }));
    }

    [Theory]
    [InlineData(0.01, "1%")]
    [InlineData(0.125, "12.5%")]
    [InlineData(1.0, "100%")]
    [InlineData(0, "0%")]
    [InlineData(0.00001, "0.001%")]
    public void Fractions_print_as_percentages(double fraction, string text) =>
        Assert.Equal(text, RolloutPlan.Percent(fraction));

    [Fact]
    public void A_plan_survives_a_round_trip_through_json()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Valid());
        var back = System.Text.Json.JsonSerializer.Deserialize<RolloutPlan>(json);
        Assert.NotNull(back);
        Assert.True(back.SameAs(Valid()));
        Assert.Equal<WavePlan>(Valid().Waves, back.Waves);
    }
}
