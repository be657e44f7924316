using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Tests.Releases;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("24h", 24 * 3600)]
    [InlineData("90m", 90 * 60)]
    [InlineData("2d", 2 * 86400)]
    [InlineData("1d12h", 36 * 3600)]
    [InlineData("0h", 0)]
    [InlineData("30s", 30)]
    [InlineData("0s", 0)]
    [InlineData("1h30m", 90 * 60)]
    [InlineData("1d2h3m4s", 86400 + 2 * 3600 + 3 * 60 + 4)]
    [InlineData("007m", 7 * 60)]
    [InlineData("99999d", 99999L * 86400)]
    public void A_duration_with_units_parses(string text, long seconds)
    {
        Assert.True(Durations.TryParse(text, out var duration, out var error), error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("24")]
    [InlineData("h")]
    [InlineData("-1h")]
    [InlineData("+1h")]
    [InlineData("1.5h")]
    [InlineData("1,5h")]
    [InlineData("24 h")]
    [InlineData(" 24h")]
    [InlineData("24h ")]
    [InlineData("24h\n")]
    [InlineData("1w")]
    [InlineData("24H")]
    [InlineData("1d 12h")]
    [InlineData("h24")]
    [InlineData("24hours")]
    [InlineData("123456h")]
    public void A_malformed_duration_is_an_error_with_the_expected_form(string text)
    {
        Assert.False(Durations.TryParse(text, out var duration, out var error));
        Assert.Equal(TimeSpan.Zero, duration);
        Assert.Contains(Durations.ExpectedForm, error, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_duration_at_all_is_an_error_with_the_expected_form()
    {
        Assert.False(Durations.TryParse(null, out _, out var error));
        Assert.Contains(Durations.ExpectedForm, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u0662\u0664h")] // Arabic-Indic "24h"
    [InlineData("\uff12\uff14h")] // full-width "24h"
    public void Digits_other_than_ascii_are_an_error_not_an_exception(string text)
    {
        Assert.False(Durations.TryParse(text, out _, out var error));
        Assert.Contains(Durations.ExpectedForm, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1h1h")]
    [InlineData("12h1d")]
    [InlineData("30m1h")]
    public void Each_unit_comes_at_most_once_from_days_down_to_seconds(string text)
    {
        Assert.False(Durations.TryParse(text, out _, out var error));
        Assert.Contains(Durations.ExpectedForm, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duration_too_long_for_a_timespan_is_an_error_not_an_exception()
    {
        var text = string.Concat(Enumerable.Repeat("99999d", 200));
        Assert.False(Durations.TryParse(text, out _, out var error));
        Assert.Contains(Durations.ExpectedForm, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0h")]
    [InlineData(30, "30s")]
    [InlineData(90 * 60, "90m")]
    [InlineData(3600, "1h")]
    [InlineData(24 * 3600, "1d")]
    [InlineData(2 * 86400, "2d")]
    [InlineData(36 * 3600, "36h")]
    [InlineData(3600 + 1, "3601s")]
    public void A_duration_formats_in_its_largest_whole_unit(long seconds, string text) =>
        Assert.Equal(text, Durations.Format(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData("24h")]
    [InlineData("90m")]
    [InlineData("2d")]
    [InlineData("1d12h")]
    [InlineData("0h")]
    [InlineData("30s")]
    [InlineData("1d2h3m4s")]
    [InlineData("59s")]
    [InlineData("25h")]
    public void A_parsed_duration_formats_to_text_that_parses_back_to_it(string text)
    {
        Assert.True(Durations.TryParse(text, out var duration, out _));
        var formatted = Durations.Format(duration);
        Assert.True(Durations.TryParse(formatted, out var again, out var error), error);
        Assert.Equal(duration, again);
        Assert.Equal(formatted, Durations.Format(again));
    }

    [Theory]
    [InlineData("90m")]
    [InlineData("2d")]
    [InlineData("0h")]
    [InlineData("30s")]
    [InlineData("36h")]
    public void A_duration_in_its_canonical_form_formats_back_to_the_same_text(string text)
    {
        Assert.True(Durations.TryParse(text, out var duration, out _));
        Assert.Equal(text, Durations.Format(duration));
    }
}
