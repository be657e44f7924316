using System.Globalization;

namespace BsiLedger.Simulation.Scenarios;

/// <summary>The value rules that several parts of a scenario share.</summary>
internal static class ScenarioRules
{
    public static string? Fraction(string field, double value) =>
        value is >= 0 and <= 1 ? null : $"{field}: {Show(value)} must be a fraction from 0 to 1";

    public static string? Text(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Any(char.IsControl)
            ? $"{field}: expected a non-empty text without control characters"
            : null;

    public static string? Delay(string field, ReportDelay? delay) =>
        delay?.Problem() is { } problem ? $"{field}.{problem}" : null;

    /// <summary>The shortest text that reads back as the same number: what the file most likely said.</summary>
    public static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
