using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BsiLedger.Domain;
using BsiLedger.EventStore.Integrity;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Outages;
using BsiLedger.EventStore.Postgres;
using BsiLedger.EventStore.Telemetry;
using Marten;
using Npgsql;

namespace BsiLedger.EventStore.Marten;

/// <summary>
/// The journal seam over Marten, with group commit: appends from many grains that arrive while a
/// transaction is in flight share the next one, each still conditional on its own stream's expected
/// version, and each caller hears back only once that transaction is durable. Stream reads are
/// gathered the same way, so a wave of activations is a few round trips, not one per grain.
/// Every event is chained to the one before it in its stream (<see cref="ChainLink"/>); the hash travels in
/// Marten's headers, so the chain costs no statement of its own.
/// </summary>
public sealed class MartenEventJournal : IEventJournal, IAsyncDisposable
{
    // One index lookup per stream whatever the statistics say: planned as "stream_id = any(@streams)", a batch of
    // 512 ids on a table not yet analysed looked like the whole table and became a sequential scan. The read is
    // auto-prepared like every repeated statement, and a prepared statement's generic plan, chosen while the table was
    // tiny, would stay a sequential scan as it grows: this one statement is planned for the table as it is on every
    // execution, and never JIT-compiled (set_config's local flag scopes both to the read's own implicit transaction).
    // Forcing custom plans on every statement instead had PostgreSQL spend about 40% of its time planning the appends'
    // inserts.
    private static readonly string ReadSql = $"""
        {HotStatementPlanning.ForTransaction};
        select e.stream_id, e.version, e.seq_id, e.timestamp, e.type, e.data, e.correlation_id, e.causation_id,
            e.headers ->> '{HashHeader}'
        from unnest(@streams, @afters) as s(id, after)
        cross join lateral (
            select * from {LedgerStoreOptions.Schema}.mt_events
            where stream_id = s.id and version > s.after
            order by version) as e
        """;

    private readonly IDocumentStore _store;
    private readonly LedgerJsonSerializer _json;
    private readonly bool _chain;
    private readonly RoundTripQueue<PendingAppend> _appends;
    private readonly RoundTripQueue<PendingRead> _reads;
    private readonly SetBasedAppends _writer;
    private readonly UnknownOutcomes _unknownOutcomes;
    private readonly TimeSpan _outageTolerance;
    // Ends the waits for a database that is down when the journal shuts down.
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The Marten header that holds an event's chain hash (lower-case hex).</summary>
    public const string HashHeader = "hash";

    public MartenEventJournal(IDocumentStore store, JournalOptions options)
    {
        options.Validate();
        _store = store;
        _json = LedgerJsonSerializer.Of(store);
        _chain = options.ChainEvents;
        _outageTolerance = options.OutageTolerance;
        _unknownOutcomes = new UnknownOutcomes(store);
        _writer = new SetBasedAppends(store);
        _appends = new RoundTripQueue<PendingAppend>(options.MaxStreamsPerCommit, options.Writers, CommitAsync);
        _reads = new RoundTripQueue<PendingRead>(options.MaxStreamsPerRead, options.Writers, ReadBatchAsync);
    }

    /// <remarks>Untraced, the caller awaits the read's own outcome (see <see cref="AppendAsync"/>).</remarks>
    public Task<IReadOnlyList<StoredEvent>> ReadAsync(string streamId, long afterVersion, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<StoredEvent>>(cancellationToken);
        }

        if (LedgerTelemetry.Source.HasListeners())
        {
            return TracedReadAsync(streamId, afterVersion);
        }

        try
        {
            var pending = new PendingRead(streamId, afterVersion, default);
            _reads.Post(pending);
            return pending.Outcome;
        }
        catch (Exception e)
        {
            return Task.FromException<IReadOnlyList<StoredEvent>>(e);
        }
    }

    /// <remarks>
    /// Once queued, an append is not abandoned on cancellation: its outcome would be unknown. The database's command
    /// timeout bounds the wait instead. Untraced, the caller awaits the append's own outcome: no state machine of this
    /// method's, and so no second continuation on the grain's scheduler for every append.
    /// </remarks>
    public Task<StreamHead> AppendAsync(string streamId, StreamHead expected, IReadOnlyList<JournalEvent> events, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<StreamHead>(cancellationToken);
        }

        if (LedgerTelemetry.Source.HasListeners())
        {
            return TracedAppendAsync(streamId, expected, events);
        }

        try
        {
            var pending = Chain(streamId, expected, events, default);
            _appends.Post(pending);
            return pending.Outcome;
        }
        catch (Exception e)
        {
            return Task.FromException<StreamHead>(e);
        }
    }

    private async Task<IReadOnlyList<StoredEvent>> TracedReadAsync(string streamId, long afterVersion)
    {
        using var activity = LedgerTelemetry.Source.StartActivity("journal.read");
        activity?.SetTag("bsi.stream", streamId);
        activity?.SetTag("bsi.after_version", afterVersion);
        var pending = new PendingRead(streamId, afterVersion, activity?.Context ?? default);
        _reads.Post(pending);
        var events = await pending.Outcome;
        activity?.SetTag("bsi.events", events.Count);
        return events;
    }

    private async Task<StreamHead> TracedAppendAsync(string streamId, StreamHead expected, IReadOnlyList<JournalEvent> events)
    {
        using var activity = LedgerTelemetry.Source.StartActivity("journal.append");
        activity?.SetTag("bsi.stream", streamId);
        activity?.SetTag("bsi.expected_version", expected.Version);
        activity?.SetTag("bsi.events", events.Count);
        var pending = Chain(streamId, expected, events, activity?.Context ?? default);
        try
        {
            _appends.Post(pending);
            return await pending.Outcome;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e is StreamConflictException ? "conflict" : e.Message);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _appends.DisposeAsync();
        await _reads.DisposeAsync();
        _stopping.Dispose();
    }

    /// <summary>
    /// Serialises and chains the events on the caller's thread, so that work spreads over the grains' threads instead
    /// of queueing behind the writers. The payload is hashed as the store serialises it, in its canonical form, and
    /// stored as that same JSON.
    /// </summary>
    internal PendingAppend Chain(string streamId, StreamHead expected, IReadOnlyList<JournalEvent> events, ActivityContext caller)
    {
        if (events.Count == 0)
        {
            throw new ArgumentException("an append needs at least one event", nameof(events));
        }

        var json = new byte[events.Count][];
        var hashes = new EventHash[events.Count];
        var previous = expected.Hash;
        for (var i = 0; i < events.Count; i++)
        {
            var data = events[i].Data;
            var typeName = LedgerEventTypes.NameOf(data.GetType())
                ?? throw new ArgumentException($"{data.GetType().Name} is not a ledger event type", nameof(events));
            json[i] = _json.ToUtf8Json(data);
            if (_chain)
            {
                using var payload = JsonDocument.Parse(json[i]);
                previous = hashes[i] = ChainLink.Hash(previous, streamId, expected.Version + i + 1, typeName, payload.RootElement, events[i].Provenance);
            }
        }

        return new PendingAppend(streamId, expected, events, json, hashes, caller);
    }

    /// <summary>
    /// One batch into as few transactions as its conflicts allow. A stream may appear once per
    /// transaction, so a second append to the same stream (two writers racing) goes in its own. A recall goes in its
    /// own too, after the rest: the gate reads a release's status before the transaction's rows are written, so a
    /// device's report sharing the recall's transaction would pass it and could be stored after the recall.
    /// </summary>
    internal async Task CommitAsync(List<PendingAppend> batch)
    {
        var seen = new HashSet<string>(batch.Count, StringComparer.Ordinal);
        var first = new List<PendingAppend>(batch.Count);
        var alone = new List<PendingAppend>();
        foreach (var append in batch)
        {
            (!ReleaseGateLocks.Recalls(append) && seen.Add(append.StreamId) ? first : alone).Add(append);
        }

        await CommitIsolatingConflictsAsync(first);
        foreach (var append in alone)
        {
            await CommitIsolatingConflictsAsync([append]);
        }
    }

    /// <summary>
    /// One transaction for the batch: an append whose stream moved, or whose new stream another writer started, is
    /// refused alone and the rest commit (<see cref="SetBasedAppends"/>); an append reporting on a recalled release is
    /// refused and the rest go again. A database that drops the connection or restarts is waited out
    /// (<see cref="JournalOptions.OutageTolerance"/>); what the failed transaction did is then settled from the streams
    /// before anything goes again.
    /// </summary>
    private async Task CommitIsolatingConflictsAsync(List<PendingAppend> appends)
    {
        using var activity = RoundTripSpan.Start("journal.commit", appends.Select(a => a.Caller));
        activity?.SetTag("bsi.streams", appends.Count);
        OutageWait? outage = null;
        try
        {
            while (appends.Count > 0)
            {
                try
                {
                    if (outage is not null)
                    {
                        appends = await _unknownOutcomes.SettleAsync(appends, Committed);
                        if (appends.Count == 0)
                        {
                            return;
                        }
                    }

                    var refused = await _writer.WriteAsync(appends);
                    foreach (var conflict in refused)
                    {
                        JournalMetrics.CountConflict();
                        activity?.AddEvent(new ActivityEvent("conflict", tags: new ActivityTagsCollection { ["bsi.stream"] = conflict.StreamId }));
                        conflict.Failed(new StreamConflictException(conflict.StreamId, conflict.ExpectedVersion));
                    }

                    var committed = appends.Except(refused).ToList();
                    var events = committed.Sum(a => a.Events.Count);
                    foreach (var append in committed)
                    {
                        append.Committed();
                    }

                    activity?.SetTag("bsi.events", events);
                    JournalMetrics.EventsAppended.Add(events);
                    JournalMetrics.CommitStreams.Record(committed.Count);
                    JournalMetrics.AppendBatchSize.Record(events);
                    return;
                }
                catch (RecalledReleases recalled)
                {
                    // Refused by the ledger, not by a stale view: those appends alone fail, the rest go again.
                    foreach (var (refused, release) in appends.Select(a => (a, recalled.Refusing(a))).Where(r => r.Item2 is not null).ToArray())
                    {
                        activity?.AddEvent(new ActivityEvent("release recalled", tags: new ActivityTagsCollection { ["bsi.stream"] = refused.StreamId }));
                        refused.Failed(new ReleaseRecalledException(refused.StreamId, release!.Value));
                        appends.Remove(refused);
                    }
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected)
                {
                    // Two batches locked shared stream rows in opposite orders and the server rolled this one back: nothing
                    // of it was written, and going again is safe because every append in it is conditional.
                    activity?.AddEvent(new ActivityEvent("deadlock", tags: new ActivityTagsCollection { ["exception.message"] = e.Message }));
                }
                catch (Exception e) when (TransientFailure.Is(e))
                {
                    outage ??= new OutageWait(_outageTolerance);
                    activity?.AddEvent(new ActivityEvent("database unavailable", tags: new ActivityTagsCollection { ["exception.message"] = e.Message }));
                    if (!await WaitOutAsync(outage))
                    {
                        Fail(appends, Unavailable(appends, outage, e), activity);
                        return;
                    }
                }
                catch (Exception e)
                {
                    Fail(appends, IsInfrastructure(e) ? Unavailable(appends, outage, e) : e, activity);
                    return;
                }
            }
        }
        finally
        {
            outage?.Dispose();
        }
    }

    private static void Committed(PendingAppend append)
    {
        append.Committed();
        JournalMetrics.EventsAppended.Add(append.Events.Count);
    }

    private static void Fail(List<PendingAppend> appends, Exception error, Activity? activity)
    {
        activity?.SetStatus(ActivityStatusCode.Error, error.Message);
        foreach (var append in appends)
        {
            append.Failed(error);
        }
    }

    private static JournalUnavailableException Unavailable(List<PendingAppend> appends, OutageWait? outage, Exception e) =>
        new($"could not append to {appends.Count} stream(s) ('{appends[0].StreamId}' first){Waited(outage)}: {e.Message}", e);

    private static string Waited(OutageWait? outage) =>
        outage is null ? "" : string.Create(CultureInfo.InvariantCulture, $" after waiting {outage.Elapsed.TotalSeconds:0} s for the database");

    /// <summary>False when the tolerance is spent or the journal is shutting down.</summary>
    private async Task<bool> WaitOutAsync(OutageWait outage)
    {
        try
        {
            return await outage.NextAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    internal async Task ReadBatchAsync(List<PendingRead> reads)
    {
        using var activity = RoundTripSpan.Start("journal.read_batch", reads.Select(r => r.Caller));
        activity?.SetTag("bsi.streams", reads.Count);
        try
        {
            // Each stream from the earliest version its own reads ask for: an activation reading its stream from the
            // start does not make the batch read every other stream from the start too.
            var earliest = new Dictionary<string, long>(reads.Count, StringComparer.Ordinal);
            foreach (var read in reads)
            {
                earliest[read.StreamId] = earliest.TryGetValue(read.StreamId, out var after) ? Math.Min(after, read.AfterVersion) : read.AfterVersion;
            }

            var events = await OutageRetry.RunAsync(() => ReadStreamsAsync(earliest), _outageTolerance, _stopping.Token);
            var byStream = events.ToLookup(e => e.StreamId, StringComparer.Ordinal);
            foreach (var read in reads)
            {
                read.Read([.. byStream[read.StreamId].Where(e => e.Version > read.AfterVersion)]);
            }

            activity?.SetTag("bsi.events", events.Count);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            var error = IsInfrastructure(e) || e is OperationCanceledException
                ? new JournalUnavailableException($"could not read {reads.Count} stream(s) ('{reads[0].StreamId}' first): {e.Message}", e)
                : e;
            foreach (var read in reads)
            {
                read.Failed(error);
            }
        }
    }

    /// <summary>
    /// Plain SQL over Marten's events table, deserialised with Marten's own serializer: the same rows FetchStream
    /// reads, for many streams in one statement (a LINQ query here would be compiled again on every call).
    /// </summary>
    private async Task<List<StoredEvent>> ReadStreamsAsync(Dictionary<string, long> afterVersions)
    {
        await using var session = _store.QuerySession();
        await using var command = new NpgsqlCommand(ReadSql);
        command.Parameters.AddWithValue("streams", afterVersions.Keys.ToArray());
        command.Parameters.AddWithValue("afters", afterVersions.Values.ToArray());
        var serializer = _store.Options.Serializer();
        var events = new List<StoredEvent>();
        await using var reader = await session.ExecuteReaderAsync(command, CancellationToken.None);
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            var typeName = reader.GetString(4);
            var type = LedgerEventTypes.TypeNamed(typeName)
                ?? throw new InvalidOperationException($"stream '{reader.GetString(0)}' holds an event of unknown type '{typeName}'");
            events.Add(new StoredEvent(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                typeName,
                serializer.FromJson(type, reader, 5),
                new Provenance(reader.IsDBNull(6) ? "" : reader.GetString(6), reader.IsDBNull(7) ? "" : reader.GetString(7)),
                EventHash.TryParse(reader.IsDBNull(8) ? null : reader.GetString(8), out var hash) ? hash : EventHash.None));
        }

        return events;
    }

    private static bool IsInfrastructure(Exception e) =>
        e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException
        || e.InnerException is { } inner && IsInfrastructure(inner);
}
