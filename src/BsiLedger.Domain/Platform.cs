namespace BsiLedger.Domain;

/// <summary>The Apple platforms that receive Background Security Improvements.</summary>
public enum Platform
{
#pragma warning disable CA1707, IDE1006 // the platforms' own spelling is the contract
    iOS,
    iPadOS,
    macOS,
#pragma warning restore CA1707, IDE1006
}
