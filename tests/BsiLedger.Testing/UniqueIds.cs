namespace BsiLedger.Testing;

public static class UniqueIds
{
    /// <summary>A device id no other test uses, so tests can share one database.</summary>
    public static string Device(string prefix = "dev") => $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}";
}
