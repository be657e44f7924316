using System.Collections.Immutable;
using System.Globalization;

namespace BsiLedger.Domain.Releases;

/// <summary>The waves of a rollout, and how many install attempts a wave needs before its failure rate counts.</summary>
[GenerateSerializer, Immutable, Alias("bsi.rollout-plan")]
public sealed record RolloutPlan([property: Id(0)] ImmutableArray<WavePlan> Waves, [property: Id(1)] int MinSample)
{
    /// <summary>What is wrong with the plan, naming the wave or field (waves numbered from 1), or null.</summary>
    public string? Problem()
    {
        if (Waves.IsDefaultOrEmpty)
        {
            return "a plan needs at least one wave";
        }

        if (MinSample < 1)
        {
            return $"min sample: {MinSample} is not a positive number of install attempts";
        }

        var previous = 0.0;
        for (var i = 0; i < Waves.Length; i++)
        {
            var wave = Waves[i];
            var name = $"wave {i + 1}";
            if (double.IsNaN(wave.Share) || wave.Share <= 0 || wave.Share > 1)
            {
                return $"{name}: share {Percent(wave.Share)} must be above 0% and at most 100%";
            }

            if (wave.Share <= previous)
            {
                return $"{name}: share {Percent(wave.Share)} does not increase on the previous wave's {Percent(previous)} (shares are cumulative)";
            }

            if (wave.Soak < TimeSpan.Zero)
            {
                return $"{name}: soak {wave.Soak} is negative";
            }

            if (double.IsNaN(wave.FailureThreshold) || wave.FailureThreshold < 0 || wave.FailureThreshold > 1)
            {
                return $"{name}: failure threshold {Percent(wave.FailureThreshold)} must be between 0% and 100%";
            }

            if (wave.Pacing?.Problem(wave.Soak) is { } pacing)
            {
                return $"{name}: {pacing}";
            }

            previous = wave.Share;
        }

        return null;
    }

    /// <summary>The share offered before wave <paramref name="index"/> starts: the lower bound of its slice.</summary>
    public double ShareBefore(int index) => index == 0 ? 0 : Waves[index - 1].Share;

    public static string Percent(double fraction) => (fraction * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    public bool SameAs(RolloutPlan other) => MinSample == other.MinSample && Waves.SequenceEqual(other.Waves);
}
