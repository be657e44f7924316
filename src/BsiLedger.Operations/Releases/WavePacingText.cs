using System.Globalization;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Pacing;
using BsiLedger.Operations.Input;

namespace BsiLedger.Operations.Releases;

/// <summary>
/// A wave's pacing as the command line writes it, after the wave's third colon: <c>rate=200/h,ramp=x2/100ok,max=5000/h</c>
/// (a ramp after every N successful installs, <c>ok</c>, or every N offers, <c>sent</c>) or <c>spread=12h</c>. Whether
/// the values make sense together is the plan's rule; this only reads them.
/// </summary>
public static class WavePacingText
{
    private const string Form = "rate=N/h[,ramp=xF/Nok|xF/Nsent][,max=N/h] or spread=DURATION, as in " + ReleaseInputParsers.PacedExample;

    public static WavePacing Parse(int wave, string text)
    {
        var pacing = new WavePacing(null, null, null, RampBasis.Successes, null, null);
        foreach (var field in text.Split(','))
        {
            var (key, value) = field.Split('=', 2) is [var k, var v] ? (k.Trim(), v.Trim()) : (field.Trim(), "");
            pacing = key switch
            {
                "rate" => pacing with { RatePerHour = PerHour(wave, key, value) },
                "max" => pacing with { MaxPerHour = PerHour(wave, key, value) },
                "ramp" => Ramp(wave, pacing, value),
                "spread" => pacing with { SpreadOver = Duration(wave, value) },
                _ => throw new UsageException($"wave {wave}: pacing '{key}' is not known: expected {Form}"),
            };
        }

        return pacing;
    }

    private static double PerHour(int wave, string key, string value) =>
        value.EndsWith("/h", StringComparison.Ordinal) && double.TryParse(value[..^2], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rate)
            ? rate
            : throw new UsageException($"wave {wave}: pacing {key} '{value}' is not a number of offers per hour such as 200/h: expected {Form}");

    private static WavePacing Ramp(int wave, WavePacing pacing, string value)
    {
        var (basis, count) = value.EndsWith("ok", StringComparison.Ordinal) ? (RampBasis.Successes, value[..^2])
            : value.EndsWith("sent", StringComparison.Ordinal) ? (RampBasis.Offers, value[..^4])
            : (RampBasis.Successes, "");
        var parts = count.Split('/');
        if (parts is [var factor, var every] && factor.StartsWith('x')
            && double.TryParse(factor[1..], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var f)
            && int.TryParse(every, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return pacing with { RampFactor = f, RampEvery = n, RampOn = basis };
        }

        throw new UsageException($"wave {wave}: pacing ramp '{value}' is not xFACTOR/COUNTok or xFACTOR/COUNTsent such as x2/100ok: expected {Form}");
    }

    private static TimeSpan Duration(int wave, string value) =>
        Durations.TryParse(value, out var duration, out var error)
            ? duration
            : throw new UsageException($"wave {wave}: pacing spread {error}: expected {Form}");
}
