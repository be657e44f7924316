using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using BsiLedger.EventStore.ReadModels;
using Marten;
using Npgsql;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// What must hold of a ledger after a rollout and a recall ran through a cluster whose silos were killed, judged from the
/// database alone: every stream's versions run from 1 without a gap and match its stream record; no command appended its
/// events twice; every acknowledged command's events are stored; every device's state document agrees with its stream;
/// nothing installed or applied the recalled release after its <c>RecallIssued</c>; the recall completed and no device
/// still holds the release. <c>bsi chaos</c> and the cluster tests ask the same questions.
/// </summary>
public sealed class RolloutInvariants(string connectionString)
{
    public const int FindingsKept = 100;

    private const string Events = $"{LedgerStoreOptions.Schema}.mt_events";

    private const string Streams = $"{LedgerStoreOptions.Schema}.mt_streams";

    // A stream whose events do not run 1..n, or whose record disagrees with them.
    private static readonly string GapsSql = $"""
        select coalesce(s.id, e.stream_id), s.version, e.events, e.first, e.last
        from (select stream_id, count(*) as events, min(version) as first, max(version) as last
              from {Events} where {LedgerStoreOptions.LedgerStreamsOnly()} group by stream_id) e
        full join (select id, version from {Streams} where {LedgerStoreOptions.LedgerStreamsOnly("id")}) s on s.id = e.stream_id
        where e.stream_id is null or s.id is null or e.first <> 1 or e.last <> e.events or s.version <> e.last
        order by 1
        """;

    private static readonly string DoubledByCommandSql = $"""
        select stream_id, causation_id, type, data ->> 'Release', count(*)
        from {Events}
        where {LedgerStoreOptions.LedgerStreamsOnly()} and causation_id is not null
        group by stream_id, causation_id, type, data ->> 'Release'
        having count(*) > 1
        order by 1, 2
        """;

    // A device reports a release's failure once (the rollout does not offer a failed release again): a second
    // BsiInstallFailed under another command id is a retried report the ledger took for a new one. (Under one id, the
    // query above has it.)
    private static readonly string DoubledFailuresSql = $"""
        select stream_id, data ->> 'Release', count(*)
        from {Events}
        where type = @failed
        group by stream_id, data ->> 'Release'
        having count(distinct causation_id) > 1
        order by 1
        """;

    // A step a command takes on the device's behalf (a check-in's withdrawal or offer) carries an id derived from the
    // command's: the command's id, a slash, what the step does (CommandIds).
    private static readonly string LostSql = $"""
        select a.stream_id, a.command_id
        from unnest(@streams, @commands) as a(stream_id, command_id)
        where not exists (
            select 1 from {Events} e
            where e.stream_id = a.stream_id
              and (e.causation_id = a.command_id or left(e.causation_id, length(a.command_id) + 1) = a.command_id || '/'))
        order by 1
        """;

    private static readonly string AfterRecallSql = $"""
        select e.stream_id, e.version, e.type
        from {Events} e
        where e.type = any(@held) and e.data ->> 'Release' = @release
          and e.seq_id > (select min(seq_id) from {Events} where stream_id = @release and type = @issued)
        order by e.seq_id
        """;

    private static readonly string RecallSql = $"""
        select count(*) filter (where type = @issued), count(*) filter (where type = @completed)
        from {Events} where stream_id = @release
        """;

    public async Task<InvariantReport> CheckAsync(ReleaseId recalled, IReadOnlyCollection<AcknowledgedCommand> acknowledged, CancellationToken ct)
    {
        var violations = new Findings<InvariantViolation>();
        var doubled = new Findings<DoubledEvents>();
        var lost = new Findings<AcknowledgedCommand>();
        await using (var connection = await LedgerDataSource.OpenAsync(connectionString, ct))
        {
            await FindGapsAsync(connection, violations, ct);
            await FindDoublesAsync(connection, doubled, ct);
            await FindLostAsync(connection, acknowledged, lost, ct);
            await FindWritesAfterRecallAsync(connection, recalled, violations, ct);
            await CheckRecallAsync(connection, recalled, violations, ct);
        }

        await CompareDeviceStatesAsync(recalled, violations, ct);
        return new InvariantReport(
            await new LedgerStatistics(connectionString).EventsAsync(ct),
            lost.Total, lost.Kept, doubled.Total, doubled.Kept, violations.Total, violations.Kept);
    }

    private static async Task FindGapsAsync(NpgsqlConnection connection, Findings<InvariantViolation> found, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(GapsSql, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var stream = reader.GetString(0);
            var problem = (reader.IsDBNull(1), reader.IsDBNull(2)) switch
            {
                (true, _) => $"has {reader.GetInt64(2)} events but no stream record",
                (_, true) => $"has a stream record at version {reader.GetInt64(1)} but no events",
                _ when reader.GetInt64(3) != 1 || reader.GetInt64(4) != reader.GetInt64(2) =>
                    $"versions {reader.GetInt64(3)}..{reader.GetInt64(4)} over {reader.GetInt64(2)} events: not contiguous from 1",
                _ => $"the stream record says version {reader.GetInt64(1)}, its events reach {reader.GetInt64(4)}",
            };
            found.Add(new InvariantViolation("contiguous versions", stream, problem));
        }
    }

    private static async Task FindDoublesAsync(NpgsqlConnection connection, Findings<DoubledEvents> found, CancellationToken ct)
    {
        await using (var command = new NpgsqlCommand(DoubledByCommandSql, connection) { CommandTimeout = 0 })
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                found.Add(new DoubledEvents(reader.GetString(0), reader.GetString(1), reader.GetString(2), NullableString(reader, 3), reader.GetInt64(4)));
            }
        }

        await using (var command = new NpgsqlCommand(DoubledFailuresSql, connection) { CommandTimeout = 0 })
        {
            command.Parameters.AddWithValue("failed", LedgerEventTypes.NameOf<BsiInstallFailed>());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found.Add(new DoubledEvents(reader.GetString(0), null, LedgerEventTypes.NameOf<BsiInstallFailed>(), NullableString(reader, 1), reader.GetInt64(2)));
            }
        }
    }

    private static async Task FindLostAsync(NpgsqlConnection connection, IReadOnlyCollection<AcknowledgedCommand> acknowledged, Findings<AcknowledgedCommand> found, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(LostSql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("streams", acknowledged.Select(a => a.StreamId).ToArray());
        command.Parameters.AddWithValue("commands", acknowledged.Select(a => a.CommandId).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(new AcknowledgedCommand(reader.GetString(0), reader.GetString(1)));
        }
    }

    private static async Task FindWritesAfterRecallAsync(NpgsqlConnection connection, ReleaseId recalled, Findings<InvariantViolation> found, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(AfterRecallSql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("held", new[] { LedgerEventTypes.NameOf<BsiInstalled>(), LedgerEventTypes.NameOf<BsiApplied>() });
        command.Parameters.AddWithValue("release", recalled.ToString());
        command.Parameters.AddWithValue("issued", LedgerEventTypes.NameOf<RecallIssued>());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(new InvariantViolation("nothing installs a recalled release", reader.GetString(0),
                $"version {reader.GetInt64(1)} is {reader.GetString(2)} of {recalled}, stored after its RecallIssued"));
        }
    }

    private static async Task CheckRecallAsync(NpgsqlConnection connection, ReleaseId recalled, Findings<InvariantViolation> found, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(RecallSql, connection);
        command.Parameters.AddWithValue("release", recalled.ToString());
        command.Parameters.AddWithValue("issued", LedgerEventTypes.NameOf<RecallIssued>());
        command.Parameters.AddWithValue("completed", LedgerEventTypes.NameOf<RecallCompleted>());
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (issued, completed) = (reader.GetInt64(0), reader.GetInt64(1));
        if (issued == 0)
        {
            found.Add(new InvariantViolation("the recall completes", recalled.ToString(), "no RecallIssued: the release was never recalled"));
        }
        else if (completed != 1)
        {
            found.Add(new InvariantViolation("the recall completes", recalled.ToString(), completed == 0 ? "no RecallCompleted" : $"{completed} RecallCompleted events"));
        }
    }

    /// <summary>
    /// Replays every device stream with the domain's own <see cref="Device.Apply"/> and compares the result with the
    /// device's inline <see cref="DeviceState"/> document, written in the same transaction as the events.
    /// </summary>
    private async Task CompareDeviceStatesAsync(ReleaseId recalled, Findings<InvariantViolation> found, CancellationToken ct)
    {
        await using var store = LedgerStoreOptions.CreateStore(connectionString);
        await using var session = store.QuerySession();
        var replayed = new Dictionary<string, (Device Device, long Version)>(StringComparer.Ordinal);
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey != LedgerStoreOptions.TombstoneStream)
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        foreach (var e in events)
        {
            if (e.Data is IDeviceEvent deviceEvent)
            {
                var (device, _) = replayed.GetValueOrDefault(e.StreamKey!, (Device.Unenrolled, 0));
                replayed[e.StreamKey!] = (device.Apply(deviceEvent), e.Version);
            }
        }

        var documents = (await session.Query<DeviceState>().ToListAsync(ct)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var (id, (device, version)) in replayed.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!documents.Remove(id, out var document))
            {
                found.Add(new InvariantViolation("one state per device", id, $"a device stream at version {version} with no state document"));
                continue;
            }

            if (document.Version != version || document.Applied != device.Applied?.ToString() || document.Staged != device.Staged?.ToString())
            {
                found.Add(new InvariantViolation("one state per device", id,
                    $"the state document (version {document.Version}, applied {document.Applied ?? "none"}, staged {document.Staged ?? "none"}) "
                    + $"disagrees with the stream (version {version}, applied {device.Applied?.ToString() ?? "none"}, staged {device.Staged?.ToString() ?? "none"})"));
            }

            if (device.Has(recalled))
            {
                found.Add(new InvariantViolation("the recall withdraws every copy", id, $"still holds {recalled} at version {version}, never withdrawn"));
            }
        }

        foreach (var orphan in documents.Keys.Order(StringComparer.Ordinal))
        {
            found.Add(new InvariantViolation("one state per device", orphan, "a state document with no device stream"));
        }
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private sealed class Findings<T>
    {
        private readonly List<T> _kept = [];

        public long Total { get; private set; }

        public IReadOnlyList<T> Kept => _kept;

        public void Add(T finding)
        {
            Total++;
            if (_kept.Count < FindingsKept)
            {
                _kept.Add(finding);
            }
        }
    }
}
