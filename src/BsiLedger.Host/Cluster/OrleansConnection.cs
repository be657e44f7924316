using Npgsql;

namespace BsiLedger.Host.Cluster;

/// <summary>
/// The connection string Orleans' ADO.NET providers open their own Npgsql pool from. Every provider gets the same
/// string, so they share one small pool beside the ledger's (Npgsql pools by connection string), and an operator looking
/// at <c>pg_stat_activity</c> tells Orleans' connections from the ledger's by their application name.
/// </summary>
public static class OrleansConnection
{
    public const string ApplicationName = "bsi-orleans";

    /// <summary>
    /// Reminder reads and writes are a few statements a minute per silo (a range refresh, a row per release that starts
    /// or finishes its work), so two connections never make a statement wait long.
    /// </summary>
    public const int MaxPoolSize = 2;

    public static string For(string ledgerConnectionString) =>
        new NpgsqlConnectionStringBuilder(ledgerConnectionString)
        {
            ApplicationName = ApplicationName,
            MaxPoolSize = MaxPoolSize,
            MinPoolSize = 0,
        }.ConnectionString;
}
