using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace BsiLedger.Domain;

/// <summary>A base OS version of two or three numeric parts, such as 26.3 or 26.3.1.</summary>
[GenerateSerializer, Immutable, Alias("bsi.os-version")]
[JsonConverter(typeof(OsVersionJsonConverter))]
public readonly record struct OsVersion(
    [property: Id(0)] int Major,
    [property: Id(1)] int Minor,
    [property: Id(2)] int? Patch) : IComparable<OsVersion>, ISpanFormattable
{
    public const string ExpectedForm = "two or three numeric parts, e.g. 26.3 or 26.3.1";

    public static OsVersion Parse(string text) =>
        TryParse(text, out var version, out var error) ? version : throw new FormatException(error);

    public static bool TryParse(string? text, out OsVersion version, [NotNullWhen(false)] out string? error)
    {
        version = default;
        var parts = (text ?? "").Split('.');
        if (parts.Length is < 2 or > 3 || !parts.All(IsNumber))
        {
            error = $"'{text}' is not an OS version: expected {ExpectedForm}";
            return false;
        }

        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        version = new OsVersion(numbers[0], numbers[1], numbers.Length == 3 ? numbers[2] : null);
        error = null;
        return true;
    }

    // A two-part version sorts before its ".0" form, so ordering agrees with equality (26.3 != 26.3.0).
    public int CompareTo(OsVersion other) =>
        (Major, Minor, Patch ?? -1).CompareTo((other.Major, other.Minor, other.Patch ?? -1));

    public static bool operator <(OsVersion left, OsVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(OsVersion left, OsVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(OsVersion left, OsVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(OsVersion left, OsVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        Patch is { } patch ? $"{Major}.{Minor}.{patch}" : $"{Major}.{Minor}";

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes the familiar form, "26.3.1", without a string in between (events and metrics write it often).</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Patch is { } patch
            ? destination.TryWrite(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{patch}", out charsWritten)
            : destination.TryWrite(CultureInfo.InvariantCulture, $"{Major}.{Minor}", out charsWritten);

    // Bounded length keeps int.Parse from overflowing; leading '+' or '-' is not a digit.
    private static bool IsNumber(string part) => part.Length is > 0 and <= 6 && part.All(char.IsAsciiDigit);
}
