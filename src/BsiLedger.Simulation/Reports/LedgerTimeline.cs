using System.Collections.Immutable;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.Postgres;
using Npgsql;

namespace BsiLedger.Simulation.Reports;

/// <summary>
/// Reads the report's curves from the ledger's events, by each event's domain time <c>At</c>. PostgreSQL does
/// the work in one scan: it follows what every device runs through its stream and returns only counts per
/// release and hour, so a million-device ledger sends back a few hundred rows.
/// </summary>
public sealed class LedgerTimeline(string connectionString)
{
    // An apply, a removal or an OS update sets what a device runs, and so opens an epoch of its stream; a
    // withdrawal ends the epoch's release only if it names it (a device may withdraw a release it had only staged).
    // A release runs from its apply to that withdrawal or the next epoch. "exposed" and "cleared" count, for each
    // recall, the devices running the release when it was issued, and the hour each of them stopped.
    private const string Query = $"""
        with changes as materialized (
            select stream_id, seq_id, type, data ->> 'Release' as release, (data ->> 'At')::timestamptz as at
            from {LedgerStoreOptions.Schema}.mt_events
            where type = any(@types)
        ),
        recalls as (
            select release, at as issued from changes where type = @recall_issued
        ),
        epochs as (
            select stream_id, seq_id, type, release, at,
                   count(*) filter (where type <> @withdrawn) over (partition by stream_id order by seq_id) as epoch
            from changes
            where type <> @recall_issued
        ),
        runs as (
            select stream_id, epoch, type, release, at,
                   first_value(case when type = @applied then release end) over (partition by stream_id, epoch order by seq_id) as running
            from epochs
            where epoch > 0
        ),
        spans as (
            select running as release, min(at) as since,
                   coalesce(min(at) filter (where type = @withdrawn and release = running),
                            lead(min(at)) over (partition by stream_id order by epoch)) as until
            from runs
            group by stream_id, epoch, running
        ),
        held as materialized (
            select release, since, until from spans where release is not null
        ),
        exposed as (
            select r.release, r.issued, h.since, h.until
            from recalls r
            left join held h on h.release = r.release and h.since <= r.issued and (h.until is null or h.until >= r.issued)
        )
        select 'applied', release, date_trunc('hour', since, 'UTC'), count(*) from held group by 1, 2, 3
        union all
        select 'unapplied', release, date_trunc('hour', until, 'UTC'), count(*) from held where until is not null group by 1, 2, 3
        union all
        select 'exposed', release, issued, count(since) from exposed group by 1, 2, 3
        union all
        select 'cleared', release, greatest(date_trunc('hour', until, 'UTC'), issued), count(*) from exposed where until is not null group by 1, 2, 3
        """;

    public async Task<Timeline> ReadAsync(CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        await using (var connection = await LedgerDataSource.OpenAsync(connectionString, cancellationToken))
        {
            // One scan of the whole ledger: seconds at a million devices, past Npgsql's 30 s default at ten million.
            await using var command = new NpgsqlCommand(Query, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("types", new[]
            {
                LedgerEventTypes.NameOf<BsiApplied>(), LedgerEventTypes.NameOf<BsiWithdrawn>(), LedgerEventTypes.NameOf<BsiUninstalled>(),
                LedgerEventTypes.NameOf<OsUpdated>(), LedgerEventTypes.NameOf<RecallIssued>(),
            });
            command.Parameters.AddWithValue("applied", LedgerEventTypes.NameOf<BsiApplied>());
            command.Parameters.AddWithValue("withdrawn", LedgerEventTypes.NameOf<BsiWithdrawn>());
            command.Parameters.AddWithValue("recall_issued", LedgerEventTypes.NameOf<RecallIssued>());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), checked((int)reader.GetInt64(3))));
            }
        }

        return new Timeline(Adoption(rows), Recalls(rows));
    }

    private static ImmutableArray<AdoptionCurve> Adoption(List<Row> rows) =>
    [
        .. rows.Where(r => r.Kind is "applied" or "unapplied")
            .GroupBy(r => r.Release, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(release => new AdoptionCurve(release.Key, Accumulate(0, release
                .GroupBy(r => r.At)
                .Select(hour => (hour.Key, hour.Sum(r => r.Kind == "applied" ? r.Devices : -r.Devices)))))),
    ];

    private static ImmutableArray<RecallCurve> Recalls(List<Row> rows) =>
    [
        .. rows.Where(r => r.Kind == "exposed")
            .OrderBy(r => r.At)
            .Select(recall => new RecallCurve(recall.Release, recall.At, recall.Devices, Accumulate(recall.Devices, rows
                .Where(r => r.Kind == "cleared" && r.Release == recall.Release)
                .Select(r => (r.At, -r.Devices))))),
    ];

    private static ImmutableArray<TimelinePoint> Accumulate(int start, IEnumerable<(DateTimeOffset At, int Change)> changes)
    {
        var devices = start;
        return [.. changes.OrderBy(c => c.At).Select(c => new TimelinePoint(c.At, devices += c.Change))];
    }

    private sealed record Row(string Kind, string Release, DateTimeOffset At, int Devices);
}
