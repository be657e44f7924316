using BsiLedger.EventStore.Integrity;

namespace BsiLedger.EventStore.Tests.Integrity;

public sealed class LedgerDigestTests
{
    private static readonly LedgerDigest Taken = new(LedgerDigest.CurrentFormat, 42, 40, new string('a', 64), new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_digest_reads_back_as_written() => Assert.Equal(Taken, LedgerDigest.Parse(Taken.ToJson()));

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{}")]
    [InlineData("""{"format":"something else","lastSequence":1,"events":1,"root":"aa","takenAt":"2026-11-24T09:00:00Z"}""")]
    public void Text_that_is_not_a_digest_is_refused_with_the_expected_form(string text)
    {
        var error = Assert.Throws<FormatException>(() => LedgerDigest.Parse(text));
        Assert.Contains("expected a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_digest_with_a_malformed_root_or_figures_is_refused()
    {
        Assert.Throws<FormatException>(() => LedgerDigest.Parse((Taken with { Root = "xyz" }).ToJson()));
        Assert.Throws<FormatException>(() => LedgerDigest.Parse((Taken with { Events = 43 }).ToJson()));
        Assert.Throws<FormatException>(() => LedgerDigest.Parse((Taken with { LastSequence = -1 }).ToJson()));
    }
}
