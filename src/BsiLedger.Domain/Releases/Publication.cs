using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace BsiLedger.Domain.Releases;

/// <summary>What a release must carry to be published: checked at the edge (exit 2) and again by the decider.</summary>
public static partial class Publication
{
    public const string CveForm = "CVE-YYYY-NNNN (four or more digits), e.g. CVE-2026-20001";

    /// <summary>What is wrong with the publication, naming the field, or null.</summary>
    public static string? Problem(ReleaseId release, ImmutableArray<string> components, ImmutableArray<string> cves, ReleaseId? supersedes)
    {
        if (components.IsDefaultOrEmpty || components.Any(string.IsNullOrWhiteSpace))
        {
            return "components: name at least one component (e.g. Safari,WebKit), none of them empty";
        }

        if (!cves.IsDefault && cves.FirstOrDefault(c => !CveId().IsMatch(c)) is { } bad)
        {
            return $"cve: '{bad}' is not a CVE id: expected {CveForm}";
        }

        if (supersedes is { } older && !release.Supersedes(older))
        {
            return $"supersedes: {release} can only supersede an earlier letter of {ProductLine.Of(release)}, not {older}";
        }

        return null;
    }

    // ASCII digits only (\d would take any Unicode digit), and \z, not $, which also matches before a final newline.
    [GeneratedRegex(@"^CVE-[0-9]{4}-[0-9]{4,}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CveId();
}
