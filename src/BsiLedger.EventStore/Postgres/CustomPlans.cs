namespace BsiLedger.EventStore.Postgres;

/// <summary>
/// Auto-prepared statements settle on a generic plan, and one chosen while the ledger was small stays a sequential
/// scan as it grows: the release status read, asked for every device's report, scanned the whole events table on some
/// connections. A statement sent first in a command (or transaction) with this one is planned for its parameters and
/// the tables as they are on every execution; the setting ends with the implicit or explicit transaction.
/// </summary>
public static class CustomPlans
{
    /// <summary>Answers one row, which the reader skips with <c>NextResult</c>.</summary>
    public const string ForTransaction = "select set_config('plan_cache_mode', 'force_custom_plan', true)";
}
