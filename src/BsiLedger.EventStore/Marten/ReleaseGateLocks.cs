using System.IO.Hashing;
using System.Text;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using Npgsql;

namespace BsiLedger.EventStore.Marten;

/// <summary>
/// Orders a transaction's reports on releases against those releases' recalls, in the database, so that no
/// <c>BsiInstalled</c>, <c>BsiInstallFailed</c> or <c>BsiApplied</c> of a release is stored after its
/// <c>RecallIssued</c>, whichever process wrote either (decision 0011). A transaction that reports on a release takes
/// its advisory lock shared, then reads whether the release's stream holds its recall; one that recalls it takes the lock exclusively before
/// the recall draws its sequence number. Locks are transaction-scoped and taken in one order (by key) so two
/// transactions can never wait for each other.
/// </summary>
internal sealed class ReleaseGateLocks
{
    // The first half of the two-part advisory lock key ("bsig"): apart from Marten's own single-key locks.
    private const int LockSpace = 0x62736967;

    private static readonly string LockSql = """
        select count(case when g.exclusive then pg_advisory_xact_lock(@space, g.key)::text
                          else pg_advisory_xact_lock_shared(@space, g.key)::text end)
        from unnest(@keys, @exclusive) as g(key, exclusive)
        """;

    /// <summary>
    /// A release's status from its own stream. A statement of its own after the locks: under read committed it sees
    /// every recall committed while the lock was awaited.
    /// </summary>
    /// <param name="schema">The store's event schema (tests give stores schemas of their own).</param>
    internal static string StatusSql(string schema) => $"""
        select g.id, case
            when exists (select 1 from {schema}.mt_events e where e.stream_id = g.id and e.type = '{LedgerEventTypes.NameOf<RecallIssued>()}') then 2
            when exists (select 1 from {schema}.mt_events e where e.stream_id = g.id and e.type = '{LedgerEventTypes.NameOf<ReleasePublished>()}') then 1
            else 0 end
        from unnest(@releases) as g(id)
        """;

    private readonly int[] _keys;
    private readonly bool[] _exclusive;
    private readonly string[] _reported;

    private ReleaseGateLocks(int[] keys, bool[] exclusive, string[] reported) =>
        (_keys, _exclusive, _reported) = (keys, exclusive, reported);

    /// <summary>Whether the append recalls a release: it takes the gate exclusively, and goes in a transaction of its own.</summary>
    public static bool Recalls(PendingAppend append) => append.Events.Any(e => e.Data is RecallIssued);

    /// <summary>The locks a transaction carrying these appends needs; null when it touches no release's gate.</summary>
    public static ReleaseGateLocks? For(IEnumerable<PendingAppend> appends)
    {
        var reported = new HashSet<ReleaseId>();
        var recalled = new HashSet<ReleaseId>();
        foreach (var data in appends.SelectMany(a => a.Events).Select(e => e.Data))
        {
            if (data is IDeviceEvent device && ReleaseGate.Of(device) is { } release)
            {
                reported.Add(release);
            }
            else if (data is RecallIssued recall)
            {
                recalled.Add(recall.Release);
            }
        }

        if (reported.Count == 0 && recalled.Count == 0)
        {
            return null;
        }

        var locks = reported.Select(r => (Key: Key(r), Exclusive: false))
            .Concat(recalled.Select(r => (Key: Key(r), Exclusive: true)))
            .GroupBy(l => l.Key)
            .Select(g => (g.Key, Exclusive: g.Any(l => l.Exclusive)))
            .OrderBy(l => l.Key)
            .ToArray();
        return new ReleaseGateLocks([.. locks.Select(l => l.Key)], [.. locks.Select(l => l.Exclusive)], [.. reported.Select(r => r.ToString())]);
    }

    /// <summary>
    /// Adds the locks and, when the transaction reports on releases, the status read after them: the batch's first
    /// commands, in its transaction. <see cref="ReadAsync"/> reads their answers.
    /// </summary>
    /// <param name="schema">The store's event schema (tests give stores schemas of their own).</param>
    public void AddTo(NpgsqlBatch batch, string schema)
    {
        var locks = new NpgsqlBatchCommand(LockSql);
        locks.Parameters.AddWithValue("space", LockSpace);
        locks.Parameters.AddWithValue("keys", _keys);
        locks.Parameters.AddWithValue("exclusive", _exclusive);
        batch.BatchCommands.Add(locks);
        if (_reported.Length > 0)
        {
            var status = new NpgsqlBatchCommand(StatusSql(schema));
            status.Parameters.AddWithValue("releases", _reported);
            batch.BatchCommands.Add(status);
        }
    }

    /// <summary>
    /// Reads what <see cref="AddTo"/>'s commands answered, the results after the reader's current one: the reported
    /// releases the ledger holds as recalled.
    /// </summary>
    public async Task<IReadOnlySet<ReleaseId>> ReadAsync(NpgsqlDataReader reader)
    {
        // The locks' own answer: moving past it skips its rows.
        await reader.NextResultAsync();
        var recalled = new HashSet<ReleaseId>();
        // Publication is not checked here: a release is never unpublished, so the grain's read before deciding holds.
        if (_reported.Length > 0)
        {
            await reader.NextResultAsync();
            while (await reader.ReadAsync())
            {
                if ((ReleaseStatus)reader.GetInt32(1) == ReleaseStatus.Recalled)
                {
                    recalled.Add(ReleaseId.Parse(reader.GetString(0)));
                }
            }
        }

        return recalled;
    }

    private static int Key(ReleaseId release) => (int)XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(release.ToString()));
}
