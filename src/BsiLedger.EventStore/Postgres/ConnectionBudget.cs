using System.Globalization;
using Npgsql;

namespace BsiLedger.EventStore.Postgres;

/// <summary>
/// How many connections one process may hold on the ledger's server: its pool's <c>Maximum Pool Size</c>, shared by
/// the journal's writers and readers, the read models' daemon, the audit queries and everything else that process asks
/// (they all draw from one <see cref="LedgerDataSource"/>). Two cores cannot keep more than a handful busy, and a stock
/// server allows 100 connections for every client it has.
/// </summary>
public static class ConnectionBudget
{
    public const string Variable = "BSILEDGER_MAX_CONNECTIONS";

    public const int Ceiling = 20;

    /// <summary>Two per core and two for the ones that mostly wait (the daemon's lock, a health check), at most <see cref="Ceiling"/>.</summary>
    public static int Default { get; } = Math.Min(2 * Environment.ProcessorCount + 2, Ceiling);

    /// <summary>
    /// The connection string with its pool bounded: a <c>Maximum Pool Size</c> it states wins, then
    /// <paramref name="requested"/> (<c>--max-connections</c>), then <see cref="Variable"/>, then <see cref="Default"/>.
    /// </summary>
    /// <exception cref="FormatException">The environment variable is not a positive whole number.</exception>
    public static string Apply(string connectionString, int? requested)
    {
        if (States(connectionString))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = requested ?? FromEnvironment() ?? Default }.ConnectionString;
    }

    /// <summary>The pool size a connection string allows once <see cref="Apply"/>d.</summary>
    public static int Of(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize;

    public static bool States(string connectionString)
    {
        var given = ConnectionStringKeys.Given(connectionString);
        return given.Contains("maxpoolsize") || given.Contains("maximumpoolsize");
    }

    private static int? FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"{Variable}='{text}' is not a number of connections: expected a whole number of at least 1, e.g. {Default}");
    }
}
