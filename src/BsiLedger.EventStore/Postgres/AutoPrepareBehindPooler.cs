using Npgsql;

namespace BsiLedger.EventStore.Postgres;

/// <summary>
/// Npgsql's auto-prepared statements (<c>_auto0</c>, <c>_auto1</c>, …) live in one server session. A pooler in transaction
/// mode that does not track prepared statements (PgBouncer before 1.21, or later ones with <c>max_prepared_statements = 0</c>)
/// runs the next transaction on whichever session is free: PostgreSQL then answers that the statement does not exist (26000),
/// or, on a session where another client prepared its own, that it already exists (42P05). Neither names the pooler.
/// </summary>
public static class AutoPrepareBehindPooler
{
    public const string Hint =
        "a connection pooler in transaction mode (e.g. PgBouncer) sits between the ledger and PostgreSQL and does not keep "
        + "prepared statements: set Max Auto Prepare=0 in the connection string, or run PgBouncer 1.21 or later with "
        + "max_prepared_statements above 0 (docs/operations.md, Poolers)";

    // Npgsql's prefix for the statements it prepares by itself; a statement someone named is not ours to explain.
    private const string AutoPreparedName = "\"_auto";

    /// <summary>Whether <paramref name="e"/>, or an exception it wraps, is an auto-prepared statement lost to such a pooler.</summary>
    public static bool Explains(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidSqlStatementName or PostgresErrorCodes.DuplicatePreparedStatement } postgres =>
            postgres.MessageText.Contains(AutoPreparedName, StringComparison.Ordinal),
        AggregateException aggregate => aggregate.InnerExceptions.Any(Explains),
        { InnerException: { } inner } => Explains(inner),
        _ => false,
    };
}
