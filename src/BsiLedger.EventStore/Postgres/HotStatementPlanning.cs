namespace BsiLedger.EventStore.Postgres;

/// <summary>
/// How the journal's and the index's hot statements are planned, set first in their command (or transaction) and
/// ended with it:
/// <list type="bullet">
/// <item>Planned for their parameters on every execution. Auto-prepared statements settle on a generic plan, and one
/// chosen while the ledger was small stays a sequential scan as it grows: the release status read, asked for every
/// device's report, scanned the whole events table on some connections.</item>
/// <item>Never JIT-compiled. The batched stream read's estimated cost crosses <c>jit_above_cost</c> as the events table
/// grows, and PostgreSQL then spent about 18 ms compiling a read that runs in one; over the benchmark, JIT was three
/// quarters of that statement's time and a tenth of the server's CPU.</item>
/// </list>
/// </summary>
public static class HotStatementPlanning
{
    /// <summary>Answers one row, which the reader skips with <c>NextResult</c>.</summary>
    public const string ForTransaction = "select set_config('plan_cache_mode', 'force_custom_plan', true), set_config('jit', 'off', true)";

    /// <summary>
    /// Back to cached plans for the rest of the transaction (JIT stays off), for statements that choose no scan: the
    /// events insert fires the foreign key's check on <c>mt_streams</c> once per row, a query PostgreSQL runs from a
    /// plan it caches, and forced custom plans had it planned again for every event (an eighth of PostgreSQL's CPU on
    /// the append benchmark).
    /// </summary>
    public const string CachedPlans = "select set_config('plan_cache_mode', 'auto', true)";
}
