namespace BsiLedger.Api.Tests;

/// <summary>The tokens the test server is configured with; <c>sre</c> is left out, so that role cannot be used.</summary>
public static class Tokens
{
    public const string Operator = "operator-token-7f3a9c21d4e8b605";
    public const string Auditor = "auditor-token-2b8e61f0c9a4d337";
    public const string DeviceKey = "device-key-5c1d7e9a3f6b2048";

    public static Dictionary<string, string?> Configuration() => new()
    {
        ["Auth:Tokens:operator"] = Operator,
        ["Auth:Tokens:auditor"] = Auditor,
        ["Auth:Tokens:device"] = DeviceKey,
    };
}
