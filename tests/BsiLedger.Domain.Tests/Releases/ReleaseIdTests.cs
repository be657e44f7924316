using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Tests.Releases;

public sealed class ReleaseIdTests
{
    [Theory]
    [InlineData("iOS 26.3.1 (a)", Platform.iOS, "26.3.1", 'a')]
    [InlineData("iPadOS 26.3.1 (a)", Platform.iPadOS, "26.3.1", 'a')]
    [InlineData("macOS 26.3.2 (b)", Platform.macOS, "26.3.2", 'b')]
    [InlineData("macOS 26.4 (z)", Platform.macOS, "26.4", 'z')]
    public void A_well_formed_id_parses_and_prints_back_the_same(string text, Platform platform, string baseVersion, char letter)
    {
        var id = ReleaseId.Parse(text);
        Assert.Equal(new ReleaseId(platform, OsVersion.Parse(baseVersion), letter), id);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("iOS 26.3.1 (ab)")]
    [InlineData("iOS 26.3.1")]
    [InlineData("Android 14 (a)")]
    [InlineData("")]
    [InlineData("ios 26.3.1 (a)")]
    [InlineData("iOS 26.x (a)")]
    [InlineData("iOS 26 (a)")]
    [InlineData("iOS 26.3.1.4 (a)")]
    [InlineData("iOS 26.3.1 (A)")]
    [InlineData("iOS  26.3.1 (a)")]
    [InlineData("iOS 26.3.1 (a) ")]
    [InlineData("iOS -26.3 (a)")]
    public void A_malformed_id_is_refused_with_the_expected_form(string text)
    {
        Assert.False(ReleaseId.TryParse(text, out _, out var error));
        Assert.Contains("iOS 26.3.1 (a)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_platform_is_named_in_the_error()
    {
        Assert.False(ReleaseId.TryParse("Android 14.1 (a)", out _, out var error));
        Assert.Contains("Android", error, StringComparison.Ordinal);
        Assert.Contains("iOS, iPadOS or macOS", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iOS 26.3.1 (b)", "iOS 26.3.1 (a)", true)]
    [InlineData("iOS 26.3.1 (a)", "iOS 26.3.1 (b)", false)]
    [InlineData("iOS 26.3.1 (a)", "iOS 26.3.1 (a)", false)]
    [InlineData("iOS 26.3.2 (b)", "iOS 26.3.1 (a)", false)]
    [InlineData("iPadOS 26.3.1 (b)", "iOS 26.3.1 (a)", false)]
    public void A_later_letter_supersedes_only_its_own_platform_and_base(string later, string earlier, bool supersedes) =>
        Assert.Equal(supersedes, ReleaseId.Parse(later).Supersedes(ReleaseId.Parse(earlier)));

    [Fact]
    public void A_release_id_is_stored_as_its_canonical_string()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(ReleaseId.Parse("macOS 26.3.2 (a)"));
        Assert.Equal("\"macOS 26.3.2 (a)\"", json);
        Assert.Equal(ReleaseId.Parse("macOS 26.3.2 (a)"), System.Text.Json.JsonSerializer.Deserialize<ReleaseId>(json));
    }

    [Theory]
    [InlineData("iOS 26.3.1 (a)")]
    [InlineData("iPadOS 26.4 (c)")]
    [InlineData("macOS 999999.0.123456 (z)")]
    public void Formatted_into_a_span_a_release_id_reads_as_its_string(string text)
    {
        var id = ReleaseId.Parse(text);
        Span<char> buffer = stackalloc char[64];

        Assert.True(id.TryFormat(buffer, out var written));
        Assert.Equal(text, buffer[..written].ToString());
        Assert.False(id.TryFormat(buffer[..(text.Length - 1)], out _));
    }
}
