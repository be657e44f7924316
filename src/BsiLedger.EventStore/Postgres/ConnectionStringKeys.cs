using System.Data.Common;

namespace BsiLedger.EventStore.Postgres;

/// <summary>Which settings a connection string states itself, whatever spelling of a key it used.</summary>
internal static class ConnectionStringKeys
{
    /// <summary>The keys given, lower-case with spaces removed ("Max Pool Size" and "MaxPoolSize" read alike).</summary>
    public static IReadOnlySet<string> Given(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet();
}
