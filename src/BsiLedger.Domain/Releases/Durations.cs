using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BsiLedger.Domain.Releases;

/// <summary>Durations as people write them in plans and scenarios: <c>24h</c>, <c>90m</c>, <c>2d</c>, <c>1d12h</c>, <c>0h</c>.</summary>
public static partial class Durations
{
    public const string ExpectedForm = "a number with a unit s, m, h or d, e.g. 24h, 90m, 2d or 1d12h";

    public static bool TryParse(string? text, out TimeSpan duration, [NotNullWhen(false)] out string? error)
    {
        duration = TimeSpan.Zero;
        var match = Shape().Match(text ?? "");
        if (string.IsNullOrEmpty(text) || !match.Success)
        {
            error = $"'{text}' is not a duration: expected {ExpectedForm}";
            return false;
        }

        duration = TimeSpan.FromDays(Amount(match, "d")) + TimeSpan.FromHours(Amount(match, "h"))
            + TimeSpan.FromMinutes(Amount(match, "m")) + TimeSpan.FromSeconds(Amount(match, "s"));
        error = null;
        return true;
    }

    public static string Format(TimeSpan duration) => duration switch
    {
        { Ticks: 0 } => "0h",
        _ when duration.Ticks % TimeSpan.TicksPerDay == 0 => $"{duration.TotalDays:0}d",
        _ when duration.Ticks % TimeSpan.TicksPerHour == 0 => $"{duration.TotalHours:0}h",
        _ when duration.Ticks % TimeSpan.TicksPerMinute == 0 => $"{duration.TotalMinutes:0}m",
        _ => $"{duration.TotalSeconds:0}s",
    };

    private static long Amount(Match match, string unit) =>
        match.Groups[unit] is { Success: true } group ? long.Parse(group.Value, CultureInfo.InvariantCulture) : 0;

    // Each unit at most once, from days down to seconds, ASCII digits only (\d would take any Unicode digit,
    // which long.Parse then rejects), up to five per part: the sum stays far inside TimeSpan's range.
    [GeneratedRegex(@"^(?:(?<d>[0-9]{1,5})d)?(?:(?<h>[0-9]{1,5})h)?(?:(?<m>[0-9]{1,5})m)?(?:(?<s>[0-9]{1,5})s)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
