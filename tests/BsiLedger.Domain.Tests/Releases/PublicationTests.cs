using System.Collections.Immutable;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Tests.Releases;

public sealed class PublicationTests
{
    private static readonly ReleaseId B = ReleaseId.Parse("iOS 26.3.1 (b)");
    private static readonly ImmutableArray<string> Components = ["Safari", "WebKit"];

    private static ImmutableArray<string> List(params string[] items) => [.. items];

    [Fact]
    public void A_publication_with_components_cves_and_an_earlier_letter_has_no_problem() =>
        Assert.Null(Publication.Problem(B, Components, List("CVE-2026-20001", "CVE-2025-1234567"), ReleaseId.Parse("iOS 26.3.1 (a)")));

    [Fact]
    public void Cves_and_supersedes_are_optional()
    {
        Assert.Null(Publication.Problem(B, Components, [], null));
        Assert.Null(Publication.Problem(B, Components, default, null));
    }

    [Fact]
    public void Components_are_required()
    {
        Assert.StartsWith("components:", Publication.Problem(B, [], [], null), StringComparison.Ordinal);
        Assert.StartsWith("components:", Publication.Problem(B, default, [], null), StringComparison.Ordinal);
        Assert.StartsWith("components:", Publication.Problem(B, List("Safari", ""), [], null), StringComparison.Ordinal);
        Assert.StartsWith("components:", Publication.Problem(B, List("\t"), [], null), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CVE-2026-2000")]
    [InlineData("CVE-2026-20001")]
    [InlineData("CVE-1999-0001")]
    [InlineData("CVE-2026-12345678")]
    public void A_well_formed_cve_passes(string cve) =>
        Assert.Null(Publication.Problem(B, Components, List(cve), null));

    [Theory]
    [InlineData("CVE-2026-200")]
    [InlineData("CVE-202-20001")]
    [InlineData("CVE-20261-20001")]
    [InlineData("CVE 2026 20001")]
    [InlineData("Cve-2026-20001")]
    [InlineData("CVE-2026-20001\n")]
    [InlineData("CVE-2026-20001\r\n")]
    [InlineData("CVE-\u0662\u0660\u0662\u0666-20001")] // Arabic-Indic digits
    [InlineData("CVE-2026-20001,CVE-2026-20002")]
    public void A_malformed_cve_is_named_with_the_expected_form(string cve)
    {
        var problem = Publication.Problem(B, Components, List("CVE-2026-20001", cve), null);
        Assert.NotNull(problem);
        Assert.StartsWith("cve:", problem, StringComparison.Ordinal);
        Assert.Contains($"'{cve}'", problem, StringComparison.Ordinal);
        Assert.Contains(Publication.CveForm, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iOS 26.3.1 (a)", true)]
    [InlineData("iOS 26.3.1 (b)", false)]
    [InlineData("iOS 26.3.1 (c)", false)]
    [InlineData("iOS 26.3.2 (a)", false)]
    [InlineData("iPadOS 26.3.1 (a)", false)]
    [InlineData("macOS 26.3.1 (a)", false)]
    public void A_release_supersedes_only_an_earlier_letter_of_its_line(string older, bool allowed)
    {
        var problem = Publication.Problem(B, Components, [], ReleaseId.Parse(older));
        if (allowed)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.StartsWith("supersedes:", problem, StringComparison.Ordinal);
            Assert.Contains(older, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Components_are_checked_before_cves_and_cves_before_supersedes()
    {
        var everythingWrong = Publication.Problem(B, [], List("nope"), ReleaseId.Parse("iOS 26.3.1 (z)"));
        Assert.StartsWith("components:", everythingWrong, StringComparison.Ordinal);
        var cveAndSupersedesWrong = Publication.Problem(B, Components, List("nope"), ReleaseId.Parse("iOS 26.3.1 (z)"));
        Assert.StartsWith("cve:", cveAndSupersedesWrong, StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_line_is_a_platform_at_one_base_version()
    {
        Assert.Equal("iOS 26.3.1", ProductLine.Of(B));
        Assert.Equal("macOS 26.3", ProductLine.Of(ReleaseId.Parse("macOS 26.3 (a)")));
        Assert.Equal(ProductLine.Of(B), ProductLine.Of(Platform.iOS, OsVersion.Parse("26.3.1")));
        Assert.NotEqual(ProductLine.Of(B), ProductLine.Of(Platform.iPadOS, OsVersion.Parse("26.3.1")));
        Assert.NotEqual(ProductLine.Of(Platform.macOS, OsVersion.Parse("26.3")), ProductLine.Of(Platform.macOS, OsVersion.Parse("26.3.0")));
    }
}
