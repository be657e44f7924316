using System.Diagnostics;
using BsiLedger.EventStore.Journal;
using BsiLedger.EventStore.Telemetry;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace BsiLedger.EventStore.Marten;

/// <summary>The journal seam over Marten: one lightweight session, one round trip per append.</summary>
public sealed class MartenEventJournal(IDocumentStore store) : IEventJournal
{
    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(string streamId, long afterVersion, CancellationToken cancellationToken)
    {
        using var activity = LedgerTelemetry.Source.StartActivity("journal.read");
        activity?.SetTag("bsi.stream", streamId);
        activity?.SetTag("bsi.after_version", afterVersion);
        try
        {
            await using var session = store.QuerySession();
            var events = await session.Events.FetchStreamAsync(streamId, fromVersion: afterVersion + 1, token: cancellationToken);
            activity?.SetTag("bsi.events", events.Count);
            return events.Select(ToStored).ToArray();
        }
        catch (Exception e) when (IsInfrastructure(e))
        {
            throw new JournalUnavailableException($"could not read stream '{streamId}': {e.Message}", e);
        }
    }

    public async Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<JournalEvent> events, CancellationToken cancellationToken)
    {
        using var activity = LedgerTelemetry.Source.StartActivity("journal.append");
        activity?.SetTag("bsi.stream", streamId);
        activity?.SetTag("bsi.expected_version", expectedVersion);
        activity?.SetTag("bsi.events", events.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var session = store.LightweightSession();
            var newVersion = expectedVersion + events.Count;
            var action = session.Events.Append(streamId, newVersion, events.Select(e => e.Data).ToArray());
            for (var i = 0; i < events.Count; i++)
            {
                action.Events[i].CorrelationId = events[i].Provenance.CorrelationId;
                action.Events[i].CausationId = events[i].Provenance.CausationId;
            }

            await session.SaveChangesAsync(cancellationToken);
            JournalMetrics.EventsAppended.Add(events.Count);
            JournalMetrics.AppendBatchSize.Record(events.Count);
            return newVersion;
        }
        // A stale version on an existing stream is a ConcurrencyException; two writers racing to create
        // a new stream collide on its primary key instead.
        catch (Exception e) when (e is ConcurrencyException or ExistingStreamIdCollisionException or global::Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            JournalMetrics.Conflicts.Add(1);
            activity?.SetStatus(ActivityStatusCode.Error, "conflict");
            throw new StreamConflictException(streamId, expectedVersion, e);
        }
        catch (Exception e) when (IsInfrastructure(e))
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw new JournalUnavailableException($"could not append to stream '{streamId}': {e.Message}", e);
        }
        finally
        {
            JournalMetrics.AppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private static StoredEvent ToStored(IEvent e) => new(
        e.StreamKey ?? "",
        e.Version,
        e.Sequence,
        e.Timestamp,
        e.EventTypeName,
        e.Data,
        new Provenance(e.CorrelationId ?? "", e.CausationId ?? ""));

    private static bool IsInfrastructure(Exception e) =>
        e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException
        || e.InnerException is { } inner && IsInfrastructure(inner);
}
