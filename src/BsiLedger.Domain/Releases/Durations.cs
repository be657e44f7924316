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
        var matches = Part().Matches(text ?? "");
        if (string.IsNullOrEmpty(text) || string.Concat(matches.Select(m => m.Value)) != text)
        {
            error = $"'{text}' is not a duration: expected {ExpectedForm}";
            return false;
        }

        foreach (Match match in matches)
        {
            var amount = long.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
            duration += match.Groups["unit"].Value switch
            {
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }

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

    // Up to five digits per part keeps every value far inside TimeSpan's range.
    [GeneratedRegex(@"(?<amount>\d{1,5})(?<unit>[smhd])", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
