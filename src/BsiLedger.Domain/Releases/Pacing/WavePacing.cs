using System.Globalization;

namespace BsiLedger.Domain.Releases.Pacing;

/// <summary>
/// How a wave's offers go out over domain time instead of all at once when it starts: at
/// <see cref="RatePerHour"/>, multiplied by <see cref="RampFactor"/> after every <see cref="RampEvery"/> successes
/// (or offers) up to <see cref="MaxPerHour"/>; or evenly over <see cref="SpreadOver"/>. The field names are the
/// scenario file's and the API's.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.wave-pacing")]
public sealed record WavePacing(
    [property: Id(0)] double? RatePerHour,
    [property: Id(1)] double? RampFactor,
    [property: Id(2)] int? RampEvery,
    [property: Id(3)] RampBasis RampOn,
    [property: Id(4)] double? MaxPerHour,
    [property: Id(5)] TimeSpan? SpreadOver)
{
    public static WavePacing Rate(double perHour, double? rampFactor = null, int? rampEvery = null, RampBasis rampOn = RampBasis.Successes, double? maxPerHour = null) =>
        new(perHour, rampFactor, rampEvery, rampOn, maxPerHour, null);

    public static WavePacing Spread(TimeSpan over) => new(null, null, null, RampBasis.Successes, null, over);

    /// <summary>What is wrong with the pacing of a wave that soaks for <paramref name="soak"/>, naming the field, or null.</summary>
    public string? Problem(TimeSpan soak)
    {
        if (SpreadOver is { } over)
        {
            if (RatePerHour is not null || RampFactor is not null || RampEvery is not null || MaxPerHour is not null)
            {
                return "pacing: spreadOver cannot be combined with ratePerHour, rampFactor, rampEvery or maxPerHour";
            }

            return over <= TimeSpan.Zero ? $"pacing.spreadOver: {Durations.Format(over)} is not a positive duration"
                : over > soak ? $"pacing.spreadOver: {Durations.Format(over)} is longer than the wave's soak of {Durations.Format(soak)}"
                : null;
        }

        if (RatePerHour is not { } rate)
        {
            return "pacing: give ratePerHour (offers per hour of domain time) or spreadOver";
        }

        if (!double.IsFinite(rate) || rate <= 0)
        {
            return $"pacing.ratePerHour: {Number(rate)} is not above 0 offers per hour";
        }

        if ((RampFactor is null) != (RampEvery is null))
        {
            return "pacing: rampFactor and rampEvery go together (multiply the rate by rampFactor after every rampEvery successes or offers)";
        }

        if (RampFactor is { } factor && (!double.IsFinite(factor) || factor <= 1))
        {
            return $"pacing.rampFactor: {Number(factor)} does not raise the rate: give a factor above 1, e.g. 2";
        }

        if (RampEvery is { } every && every < 1)
        {
            return $"pacing.rampEvery: {every} is not a positive number of {(RampOn == RampBasis.Offers ? "offers" : "successes")}";
        }

        if (MaxPerHour is { } max && (!double.IsFinite(max) || max < rate))
        {
            return $"pacing.maxPerHour: {Number(max)} is under the starting rate of {Number(rate)} per hour";
        }

        return null;
    }

    /// <summary>The offers per hour of domain time once <paramref name="offered"/> offers and <paramref name="successes"/> installs are in, for a slice of <paramref name="slice"/> devices.</summary>
    public double PerHour(int offered, int successes, int slice)
    {
        if (SpreadOver is { } over)
        {
            return slice / over.TotalHours;
        }

        var rate = RatePerHour!.Value;
        if (RampFactor is { } factor && RampEvery is { } every)
        {
            var steps = (RampOn == RampBasis.Offers ? offered : successes) / every;
            rate *= Math.Pow(factor, steps);
        }

        return MaxPerHour is { } max ? Math.Min(rate, max) : rate;
    }

    /// <summary>For people: <c>200/h, x2 every 100 successes, up to 5000/h</c> or <c>spread over 12h</c>.</summary>
    public string Describe()
    {
        if (SpreadOver is { } over)
        {
            return $"spread over {Durations.Format(over)}";
        }

        var text = $"{Number(RatePerHour ?? 0)}/h";
        if (RampFactor is { } factor && RampEvery is { } every)
        {
            text += $", x{Number(factor)} every {every} {(RampOn == RampBasis.Offers ? "offers" : "successes")}";
        }

        return MaxPerHour is { } max ? $"{text}, up to {Number(max)}/h" : text;
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
