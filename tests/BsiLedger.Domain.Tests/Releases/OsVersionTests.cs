namespace BsiLedger.Domain.Tests.Releases;

public sealed class OsVersionTests
{
    [Theory]
    [InlineData("26.x")]
    [InlineData("26")]
    [InlineData("26.3.1.1")]
    [InlineData("")]
    [InlineData("26..1")]
    [InlineData("v26.3")]
    [InlineData("99999999999.1")]
    public void A_malformed_version_is_refused_with_the_expected_form(string text)
    {
        Assert.False(OsVersion.TryParse(text, out _, out var error));
        Assert.Contains("two or three numeric parts", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("26.3", "26.3.1")]
    [InlineData("26.3.1", "26.3.2")]
    [InlineData("26.3.9", "26.4")]
    [InlineData("9.9", "26.0")]
    public void Versions_order_numerically(string lower, string higher) =>
        Assert.True(OsVersion.Parse(lower) < OsVersion.Parse(higher));

    [Fact]
    public void A_two_part_version_and_its_dot_zero_form_are_different_and_ordered_consistently()
    {
        var two = OsVersion.Parse("26.3");
        var three = OsVersion.Parse("26.3.0");
        Assert.NotEqual(two, three);
        Assert.True(two < three);
    }

    [Theory]
    [InlineData("26.3")]
    [InlineData("26.3.1")]
    [InlineData("999999.999999.999999")]
    public void Formatted_into_a_span_a_version_reads_as_its_string_and_is_stored_so(string text)
    {
        var version = OsVersion.Parse(text);
        Span<char> buffer = stackalloc char[32];

        Assert.True(version.TryFormat(buffer, out var written));
        Assert.Equal(text, buffer[..written].ToString());
        Assert.Equal($"\"{text}\"", System.Text.Json.JsonSerializer.Serialize(version));
    }
}
