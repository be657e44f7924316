using System.Collections.Immutable;
using System.Globalization;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;
using BsiLedger.Domain.Releases.Events;
using BsiLedger.EventStore.Index;
using BsiLedger.EventStore.Marten;
using BsiLedger.EventStore.ReadModels;
using BsiLedger.Operations.Audit;
using Marten;
using Npgsql;

namespace BsiLedger.Operations.Releases.Timeline;

/// <summary>
/// A release's series over domain time (<c>GET /releases/{id}/timeline</c>), each point the figure at the end of a
/// bucket of <see cref="BucketSeconds"/> that holds a change; a bucket without one repeats the point before it, so it
/// is left out. Adoption and the recall's drain are read from the exposure windows, the rows
/// <c>GET /audit/releases/{id}/exposed</c> lists; the install reports from the streams of the devices that reported
/// on the release. Both through the release's own index rows: a request reads the release, never the whole ledger.
/// </summary>
public sealed record ReleaseTimeline(
    string Release,
    long BucketSeconds,
    ImmutableArray<AdoptionPoint> Adoption,
    ImmutableArray<FailurePoint> Failures,
    RecallDrain? Recall)
{
    public const int DefaultPoints = 200;

    public const int MaxPoints = 1000;

    /// <summary>
    /// The bucket is the first of these (seconds) that keeps the release's span within the points asked for, whole days
    /// past the last: a live rollout of a minute gets seconds, a simulated month days, and every bucket starts on a
    /// round instant of UTC so two reads line up.
    /// </summary>
    private static readonly long[] BucketSizes =
        [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

    private static readonly DateTimeOffset BucketOrigin = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // A device's exposure opens at its apply (+1) and closes at the event that ended it (-1); "exposed" is the count
    // running the release at the recall's issue, "cleared" when each of them stopped. Reports are the install events
    // naming the release in the streams of the devices whose report rows name it (the release's index range).
    private static readonly string Query = $"""
        with windows as materialized (
            select from_at, to_at from {ExposureWindowProjection.TableName} where release = @release
        ),
        reports as (
            select e.type, (e.data ->> 'At')::timestamptz as at
            from {InstallReportProjection.TableName} r
            join {LedgerStoreOptions.Schema}.mt_events e on e.stream_id = r.device_id
            where r.release = @release and e.type = any(@reports) and e.data ->> 'Release' = @release
        ),
        recall as (
            select (data ->> 'At')::timestamptz as issued, data ->> 'At' as stated
            from {LedgerStoreOptions.Schema}.mt_events
            where stream_id = @release and type = @recall_issued
            order by seq_id
            limit 1
        ),
        changes as materialized (
            select 'adoption' as series, from_at as at, 1::bigint as change from windows
            union all select 'adoption', to_at, -1 from windows where to_at is not null
            union all select 'attempts', at, 1 from reports
            union all select 'failed', at, 1 from reports where type = @failed
            union all select 'exposed', r.issued, count(w.from_at)
                from recall r left join windows w on w.from_at <= r.issued and (w.to_at is null or w.to_at >= r.issued)
                group by r.issued
            union all select 'cleared', w.to_at, -1 from recall r join windows w on w.from_at <= r.issued and w.to_at >= r.issued
        ),
        span as (
            select extract(epoch from max(at) - min(at)) as seconds from changes
        ),
        bucket as (
            select coalesce(
                (select min(size) from unnest(@sizes) as size where size * @points >= s.seconds),
                (ceil(s.seconds / @points / 86400) * 86400)::bigint) as seconds
            from span s
        )
        select c.series,
               case when c.series = 'exposed' then c.at else date_bin(make_interval(secs => b.seconds::float8), c.at, @origin) end,
               sum(c.change)::bigint,
               b.seconds,
               case when c.series = 'exposed' then (select stated from recall) end
        from changes c cross join bucket b
        group by 1, 2, 4, 5
        order by 2, 1
        """;

    /// <summary>Null when the release was never published; empty series when it was never rolled out.</summary>
    public static async Task<ReleaseTimeline?> ReadAsync(IDocumentStore store, ReleaseId release, int points, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<ReleaseListing>(release.ToString(), ct) is null)
        {
            return null;
        }

        await ReadModelProgress.CatchUpAsync(store, Exposure.CatchUpLimit, ct);
        await using var command = new NpgsqlCommand(Query);
        command.Parameters.AddWithValue("release", release.ToString());
        command.Parameters.AddWithValue("reports", new[] { LedgerEventTypes.NameOf<BsiInstalled>(), LedgerEventTypes.NameOf<BsiInstallFailed>() });
        command.Parameters.AddWithValue("failed", LedgerEventTypes.NameOf<BsiInstallFailed>());
        command.Parameters.AddWithValue("recall_issued", LedgerEventTypes.NameOf<RecallIssued>());
        command.Parameters.AddWithValue("sizes", BucketSizes);
        command.Parameters.AddWithValue("points", points);
        command.Parameters.AddWithValue("origin", BucketOrigin);
        var rows = new List<Row>();
        var bucket = BucketSizes[0];
        await using (var reader = await session.ExecuteReaderAsync(command, ct))
        {
            while (await reader.ReadAsync(ct))
            {
                // The instant as the event states it: a timestamptz keeps microseconds, the release's document all of it.
                var at = reader.IsDBNull(4)
                    ? reader.GetFieldValue<DateTimeOffset>(1)
                    : DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                rows.Add(new Row(reader.GetString(0), at, checked((int)reader.GetInt64(2))));
                bucket = reader.GetInt64(3);
            }
        }

        return new ReleaseTimeline(release.ToString(), bucket, AdoptionOf(rows), FailuresOf(rows), RecallOf(rows));
    }

    private static ImmutableArray<AdoptionPoint> AdoptionOf(List<Row> rows)
    {
        var devices = 0;
        return [.. rows.Where(r => r.Series == "adoption").Select(r => new AdoptionPoint(r.At, devices += r.Change))];
    }

    private static ImmutableArray<FailurePoint> FailuresOf(List<Row> rows)
    {
        var failed = 0;
        var attempts = 0;
        // Every failure is an attempt: each bucket with a failure has attempts too.
        return [.. rows.Where(r => r.Series is "attempts" or "failed").GroupBy(r => r.At).Select(bucket => new FailurePoint(
            bucket.Key,
            failed += bucket.Where(r => r.Series == "failed").Sum(r => r.Change),
            attempts += bucket.Where(r => r.Series == "attempts").Sum(r => r.Change)))];
    }

    private static RecallDrain? RecallOf(List<Row> rows)
    {
        if (rows.SingleOrDefault(r => r.Series == "exposed") is not { } issued)
        {
            return null;
        }

        // A device that stopped in the recall's own bucket, but after its start, stopped at the issue or after it.
        var pending = issued.Change;
        var points = rows.Where(r => r.Series == "cleared")
            .Select(r => (At: r.At < issued.At ? issued.At : r.At, r.Change))
            .Prepend((At: issued.At, Change: 0))
            .GroupBy(c => c.At)
            .Select(at => new PendingPoint(at.Key, pending += at.Sum(c => c.Change)));
        return new RecallDrain(issued.At, issued.Change, [.. points]);
    }

    private sealed record Row(string Series, DateTimeOffset At, int Change);
}
