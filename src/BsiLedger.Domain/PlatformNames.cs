using System.Diagnostics.CodeAnalysis;

namespace BsiLedger.Domain;

public static class PlatformNames
{
    public const string Expected = "iOS, iPadOS or macOS";

    /// <summary>Exact spelling only: a platform name is part of a release id, which is an identifier.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Platform? platform)
    {
        platform = text switch
        {
            "iOS" => Platform.iOS,
            "iPadOS" => Platform.iPadOS,
            "macOS" => Platform.macOS,
            _ => null,
        };
        return platform is not null;
    }
}
