using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace BsiLedger.Domain.Releases;

/// <summary>
/// A BSI release such as <c>iOS 26.3.1 (a)</c>: built for exactly one base OS version of one platform.
/// Letters are cumulative, so a later letter of the same platform and base supersedes an earlier one.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.release-id")]
[JsonConverter(typeof(ReleaseIdJsonConverter))]
public readonly partial record struct ReleaseId(
    [property: Id(0)] Platform Platform,
    [property: Id(1)] OsVersion Base,
    [property: Id(2)] char Letter) : ISpanFormattable
{
    public const string ExpectedForm = "'<platform> <base version> (<letter>)', e.g. 'iOS 26.3.1 (a)': platform iOS, iPadOS or macOS; base version of two or three numeric parts; one lower-case letter";

    public static ReleaseId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    public static bool TryParse(string? text, out ReleaseId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        var match = Shape().Match(text ?? "");
        if (!match.Success)
        {
            error = $"'{text}' is not a release id: expected {ExpectedForm}";
            return false;
        }

        if (!PlatformNames.TryParse(match.Groups["platform"].Value, out var platform))
        {
            error = $"'{text}' names an unknown platform '{match.Groups["platform"].Value}' (expected {PlatformNames.Expected}): a release id is {ExpectedForm}";
            return false;
        }

        if (!OsVersion.TryParse(match.Groups["base"].Value, out var baseVersion, out var versionError))
        {
            error = $"'{text}' has a bad base version ({versionError}): a release id is {ExpectedForm}";
            return false;
        }

        id = new ReleaseId(platform.Value, baseVersion, match.Groups["letter"].Value[0]);
        error = null;
        return true;
    }

    /// <summary>True when both releases are letters of the same platform and base version.</summary>
    public bool IsSameLineAs(ReleaseId other) => Platform == other.Platform && Base == other.Base;

    /// <summary>True when this release is a later letter of the same line, and so carries the other's fixes.</summary>
    public bool Supersedes(ReleaseId other) => IsSameLineAs(other) && Letter > other.Letter;

    public override string ToString() => $"{Platform} {Base} ({Letter})";

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes the canonical form, "iOS 26.3.1 (a)", without a string in between (every report event holds one).</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"{Platform} {Base} ({Letter})", out charsWritten);

    [GeneratedRegex(@"^(?<platform>\S+) (?<base>\S+) \((?<letter>[a-z])\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
