namespace BsiLedger.Host.Cluster;

/// <summary>
/// The reminder table and the statements <c>Microsoft.Orleans.Reminders.AdoNet</c> reads from <c>OrleansQuery</c> at
/// start-up (the package ships no SQL). Written from the provider's contract: it binds <c>@ServiceId</c>,
/// <c>@GrainId</c>, <c>@ReminderName</c>, <c>@StartTime</c>, <c>@Period</c> (milliseconds), <c>@GrainHash</c>,
/// <c>@BeginHash</c>, <c>@EndHash</c> and <c>@Version</c> (the etag), and reads the columns <c>GrainId</c>,
/// <c>ReminderName</c>, <c>StartTime</c>, <c>Period</c> and <c>Version</c> by name. The tables are created in
/// <c>public</c>, where the provider's unqualified statements find them through the search path.
/// </summary>
/// <remarks>
/// Grain hashes arrive as the signed reinterpretation of Orleans' unsigned ring position, and the provider picks the
/// range statement by comparing them signed too. Reinterpreting turns the ring by half a turn, which keeps every arc
/// an arc, so comparing signed integers in SQL selects exactly the ring range <c>(begin, end]</c>: one interval when
/// begin &lt; end, the two ends of the ring otherwise (begin = end is the whole ring).
/// </remarks>
public static class ReminderSchema
{
    public static OrleansSchemaPart Part { get; } = new("reminders", 1, Tables, Queries());

    private const string Columns = "GrainId, ReminderName, StartTime, Period, Version";

    private static Dictionary<string, string> Queries() => new(StringComparer.Ordinal)
    {
        ["ReadReminderRowsKey"] = $"""
            SELECT {Columns} FROM OrleansRemindersTable
            WHERE ServiceId = @ServiceId AND GrainId = @GrainId
            """,
        ["ReadReminderRowKey"] = $"""
            SELECT {Columns} FROM OrleansRemindersTable
            WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
            """,
        ["ReadRangeRows1Key"] = $"""
            SELECT {Columns} FROM OrleansRemindersTable
            WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
            """,
        ["ReadRangeRows2Key"] = $"""
            SELECT {Columns} FROM OrleansRemindersTable
            WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
            """,
        // Upserts carry no etag: the last registration wins and every write yields a new version, which is what makes
        // an older etag fail to remove the row.
        ["UpsertReminderRowKey"] = """
            INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
            VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
            ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
            SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash,
                Version = OrleansRemindersTable.Version + 1
            RETURNING Version
            """,
        ["DeleteReminderRowKey"] = """
            WITH removed AS (
                DELETE FROM OrleansRemindersTable
                WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM removed)
            """,
        ["DeleteReminderRowsKey"] = """
            DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId
            """,
    };

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS public.OrleansRemindersTable (
            ServiceId varchar(150) NOT NULL,
            GrainId text NOT NULL,
            ReminderName varchar(150) NOT NULL,
            StartTime timestamptz NOT NULL,
            Period bigint NOT NULL,
            GrainHash integer NOT NULL,
            Version integer NOT NULL,
            PRIMARY KEY (ServiceId, GrainId, ReminderName));
        CREATE INDEX IF NOT EXISTS OrleansRemindersTable_Ring ON public.OrleansRemindersTable (ServiceId, GrainHash);
        """;
}
