using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Tests.Releases;

public sealed class CohortTests
{
    private static readonly ReleaseId A = ReleaseId.Parse("iOS 26.3.1 (a)");
    private static readonly ReleaseId B = ReleaseId.Parse("iOS 26.3.1 (b)");

    private static IEnumerable<string> Fleet(int count) => Enumerable.Range(0, count).Select(i => $"device-{i:D5}");

    // Computed once from XxHash64 of "<release>\n<device>": a change of hash, key or scaling fails here,
    // and would silently move every device to another wave on the next deploy.
    [Theory]
    [InlineData("iOS 26.3.1 (a)", "C02X1234", 0.5431985579546234)]
    [InlineData("iOS 26.3.1 (b)", "C02X1234", 0.3175017770847244)]
    [InlineData("iOS 26.3.1 (a)", "iphone-0042", 0.38749544465101426)]
    [InlineData("iOS 26.3.1 (b)", "iphone-0042", 0.16334887909555174)]
    [InlineData("iOS 26.3.1 (a)", "device-0", 0.6463503119090112)]
    [InlineData("iOS 26.3.1 (b)", "device-0", 0.26966744311748425)]
    public void A_device_has_a_fixed_position_in_a_release_s_rollout(string release, string device, double position) =>
        Assert.Equal(position, Cohort.Position(ReleaseId.Parse(release), device));

    [Fact]
    public void A_key_has_a_fixed_position_too()
    {
        Assert.Equal(0.8594597891007458, Cohort.Position("seed-42"));
        Assert.Equal(Cohort.Position(A, "C02X1234"), Cohort.Position("iOS 26.3.1 (a)\nC02X1234"));
    }

    [Fact]
    public void The_same_release_and_device_give_the_same_position_every_time()
    {
        foreach (var device in Fleet(200))
        {
            var first = Cohort.Position(A, device);
            Assert.Equal(first, Cohort.Position(A, device));
            Assert.Equal(first, Cohort.Position(ReleaseId.Parse("iOS 26.3.1 (a)"), new string(device.ToCharArray())));
        }
    }

    [Fact]
    public void Positions_lie_in_zero_to_one_excluding_one()
    {
        Assert.All(Fleet(20_000).Select(d => Cohort.Position(A, d)), p => Assert.InRange(p, 0.0, Math.BitDecrement(1.0)));
        Assert.InRange(Cohort.Position(""), 0.0, Math.BitDecrement(1.0));
    }

    [Fact]
    public void Different_releases_order_the_fleet_differently()
    {
        var fleet = Fleet(2_000).ToArray();
        var byA = fleet.OrderBy(d => Cohort.Position(A, d)).ToArray();
        var byB = fleet.OrderBy(d => Cohort.Position(B, d)).ToArray();
        Assert.NotEqual(byA, byB);

        // Independent orders share about 10% of their first 10%; the same devices first every time would share all.
        var firstA = byA.Take(200).ToHashSet();
        var shared = byB.Take(200).Count(firstA.Contains);
        Assert.InRange(shared, 0, 60);
    }

    [Fact]
    public void Another_platform_or_base_gives_another_order_too()
    {
        var fleet = Fleet(1_000).ToArray();
        var ios = fleet.Select(d => Cohort.Position(A, d)).ToArray();
        Assert.NotEqual(ios, fleet.Select(d => Cohort.Position(ReleaseId.Parse("iPadOS 26.3.1 (a)"), d)).ToArray());
        Assert.NotEqual(ios, fleet.Select(d => Cohort.Position(ReleaseId.Parse("iOS 26.3.2 (a)"), d)).ToArray());
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void The_share_of_a_large_fleet_in_the_first_p_is_close_to_p(double p)
    {
        var fleet = Fleet(20_000).ToArray();
        var inside = fleet.Count(d => Cohort.Contains(A, d, p)) / (double)fleet.Length;
        Assert.InRange(inside, p - 0.015, p + 0.015);
        var insideB = fleet.Count(d => Cohort.Contains(B, d, p)) / (double)fleet.Length;
        Assert.InRange(insideB, p - 0.015, p + 0.015);
    }

    [Fact]
    public void A_device_is_in_the_first_p_exactly_when_its_position_is_below_p()
    {
        foreach (var device in Fleet(500))
        {
            var position = Cohort.Position(A, device);
            Assert.True(Cohort.Contains(A, device, Math.BitIncrement(position)));
            Assert.False(Cohort.Contains(A, device, position));
        }
    }

    [Fact]
    public void Cohorts_are_cumulative_a_device_in_an_earlier_wave_is_in_every_later_one()
    {
        double[] shares = [0.01, 0.1, 0.5, 1.0];
        foreach (var device in Fleet(5_000))
        {
            var firstWave = Array.FindIndex(shares, s => Cohort.Contains(A, device, s));
            Assert.All(shares.Skip(firstWave), s => Assert.True(Cohort.Contains(A, device, s)));
        }
    }

    [Fact]
    public void No_device_is_in_the_first_zero_and_every_device_is_in_the_first_hundred_percent()
    {
        Assert.DoesNotContain(Fleet(5_000), d => Cohort.Contains(A, d, 0));
        Assert.All(Fleet(5_000), d => Assert.True(Cohort.Contains(A, d, 1.0)));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.1, 0)]
    [InlineData(0.25, 1)]
    [InlineData(0.3, 2)]
    [InlineData(0.5, 2)]
    [InlineData(0.51, 4)]
    [InlineData(1.0, 4)]
    public void The_first_item_at_or_past_a_position_is_found_in_a_list_in_cohort_order(double position, int expected)
    {
        double[] byPosition = [0.1, 0.25, 0.5, 0.5];
        Assert.Equal(expected, Cohort.FirstAtOrPast(byPosition, static p => p, position));
    }
}
