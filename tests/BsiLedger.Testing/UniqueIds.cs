namespace BsiLedger.Testing;

public static class UniqueIds
{
    /// <summary>A device id no other test uses, so tests can share one database.</summary>
    public static string Device(string prefix = "dev") => $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}";

    /// <summary>A base OS version no other test uses, so each test's product line (and its releases) is its own.</summary>
    public static string BaseVersion() => $"{Random.Shared.Next(30, 99)}.{Random.Shared.Next(0, 99999)}.{Random.Shared.Next(1, 999)}";
}
