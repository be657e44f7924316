namespace BsiLedger.Domain.Releases;

/// <summary>
/// One platform at one base OS version, e.g. <c>iOS 26.3.1</c>: every letter of a BSI is built for exactly
/// one line, and a device belongs to the line of its platform and current base version.
/// </summary>
public static class ProductLine
{
    public static string Of(Platform platform, OsVersion baseVersion) => $"{platform} {baseVersion}";

    public static string Of(ReleaseId release) => Of(release.Platform, release.Base);
}
